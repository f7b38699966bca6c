using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Teleread.Dicom.Network;

/// <summary>
/// Turns an association into DIMSE service: decodes each command, calls the handler for it and
/// sends the response(s). Plug <see cref="HandleAsync"/> into <see cref="DicomServer"/>. Operations
/// run one at a time (synchronous window); C-CANCEL is honoured while a C-FIND/C-MOVE/C-GET runs.
/// </summary>
public sealed class DicomServiceDispatcher(ILogger? logger = null)
{
    public IDicomEchoHandler? Echo { get; init; }

    public IDicomStoreHandler? Store { get; init; }

    public IDicomFindHandler? Find { get; init; }

    public IDicomMoveHandler? Move { get; init; }

    public IDicomGetHandler? Get { get; init; }

    public IDicomNActionHandler? NAction { get; init; }

    public IDicomNEventReportHandler? NEventReport { get; init; }

    internal ILogger Logger { get; } = logger ?? NullLogger.Instance;

    /// <summary>Serves the association until the peer releases it (or it aborts).</summary>
    public Task HandleAsync(DicomAssociation association, CancellationToken cancellationToken)
        => new DimseSession(this, association).RunAsync(cancellationToken);
}
