using Teleread.Dicom.Network;

namespace Teleread.Server.Dimse;

/// <summary>
/// Presentation contexts for C-STORE sub-operations: one per SOP class and stored transfer syntax, since the
/// stored bytes are sent as they are (never transcoded). At most 128 contexts (PS3.8); the rest fail as unsupported.
/// </summary>
internal static class MoveProposals
{
    public static IReadOnlyList<DicomPresentationContextProposal> For(IEnumerable<DicomInstanceSource> sources) =>
        sources.Select(s => (s.SopClassUid, s.TransferSyntaxUid)).Distinct().Take(128)
            .Select(p => new DicomPresentationContextProposal(p.SopClassUid, p.TransferSyntaxUid))
            .ToList();
}
