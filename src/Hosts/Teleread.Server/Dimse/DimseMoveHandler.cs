using System.Runtime.CompilerServices;
using Teleread.Archive;
using Teleread.Archive.Query;
using Teleread.Archive.Retrieve;
using Teleread.Dicom.Network;
using Teleread.Identity;

namespace Teleread.Server.Dimse;

/// <summary>
/// C-MOVE SCP: the caller's clinic's matching instances go, one C-STORE sub-operation at a time and streamed
/// from the archive, to a node that clinic registered; any other destination is 0xA801. A pending response
/// follows every sub-operation; C-CANCEL stops after the current one.
/// </summary>
public sealed class DimseMoveHandler(RetrieveService retrieve, StudyQueryService queries, ClinicAeDirectory clinics, DicomNodeStore nodes, DicomNodeConnector connector, ILogger<DimseMoveHandler> logger)
    : IDicomMoveHandler
{
    public async IAsyncEnumerable<DicomOperationProgress> MoveAsync(DicomQueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clinic = await clinics.FindClinicAsync(request.Context.CallingAeTitle, CancellationToken.None).ConfigureAwait(false);
        var node = clinic is null || string.IsNullOrEmpty(request.MoveDestination)
            ? null
            : await nodes.FindAsync(clinic, request.MoveDestination, CancellationToken.None).ConfigureAwait(false);
        if (node is null)
        {
            DimseLog.MoveDestinationUnknown(logger, request.Context.CallingAeTitle, request.MoveDestination ?? "");
            yield return new DicomOperationProgress(DicomStatus.MoveDestinationUnknown, DicomSubOperations.None);
            yield break;
        }

        var sources = await DimseInstanceSources.FindAsync(retrieve, queries, ArchiveAccess.Clinic(clinic!), request.Identifier, cancellationToken).ConfigureAwait(false);
        if (sources.Count == 0)
        {
            yield break;
        }

        var counts = new MoveCounts(sources.Count);
        DicomAssociation? association = null;
        try
        {
            association = await connector.OpenAsync(node, MoveProposals.For(sources), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            DimseLog.MoveDestinationUnreachable(logger, node.AeTitle, node.Host, node.Port, exception.Message);
        }

        if (association is null)
        {
            yield return new DicomOperationProgress(DicomStatus.SubOperationsOutOfResources, counts.AllFailed());
            yield break;
        }

        await using (association.ConfigureAwait(false))
        {
            var scu = new DicomScu(association);
            foreach (var source in sources)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    await ReleaseQuietlyAsync(association).ConfigureAwait(false);
                    yield return new DicomOperationProgress(DicomStatus.Cancel, counts.Current);
                    yield break;
                }

                counts.Record(await StoreOneAsync(scu, source, request).ConfigureAwait(false));
                if (counts.Remaining > 0)
                {
                    yield return new DicomOperationProgress(DicomStatus.Pending, counts.Current);
                }
            }

            await ReleaseQuietlyAsync(association).ConfigureAwait(false);
        }

        yield return new DicomOperationProgress(
            counts.Failed == 0 && counts.Warning == 0 ? DicomStatus.Success
            : counts.Completed == 0 && counts.Warning == 0 ? DicomStatus.SubOperationsOutOfResources
            : DicomStatus.SubOperationsCompleteWithFailures,
            counts.Final);
    }

    private async Task<DicomStatus> StoreOneAsync(DicomScu scu, DicomInstanceSource source, DicomQueryRequest request)
    {
        if (scu.Association.FindAcceptedContext(source.SopClassUid, source.TransferSyntaxUid) is null || scu.Association.State != DicomAssociationState.Established)
        {
            return DicomStatus.SopClassNotSupported;
        }

        try
        {
            await using var dataSet = await source.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            return await scu.StoreAsync(source.SopClassUid, source.SopInstanceUid, source.TransferSyntaxUid, dataSet, request.Priority, CancellationToken.None,
                request.Context.CallingAeTitle, request.Context.Command.MessageId).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or DicomAssociationAbortedException or DicomNetworkProtocolException or InvalidDataException or InvalidOperationException)
        {
            DimseLog.MoveSubOperationFailed(logger, source.SopInstanceUid, exception.Message);
            return DicomStatus.ProcessingFailure;
        }
    }

    private static async Task ReleaseQuietlyAsync(DicomAssociation association)
    {
        if (association.State != DicomAssociationState.Established)
        {
            return;
        }

        try
        {
            await association.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or DicomAssociationAbortedException or DicomNetworkProtocolException or InvalidOperationException)
        {
            // The destination is gone; the counts already say what arrived.
        }
    }
}
