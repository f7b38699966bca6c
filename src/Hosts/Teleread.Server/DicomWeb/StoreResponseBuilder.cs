using Teleread.Dicom;

namespace Teleread.Server.DicomWeb;

/// <summary>
/// Collects per-instance outcomes of a STOW-RS request into the PS3.18 10.5.3 store response: Referenced SOP Sequence
/// for stored instances (with Warning Reason when coerced), Failed SOP Sequence with Failure Reason, and the HTTP status.
/// </summary>
public sealed class StoreResponseBuilder(string baseUrl)
{
    private readonly List<DicomWebStoreOutcome> _outcomes = [];

    public int StoredCount => _outcomes.Count(o => o.Stored);

    public int FailedCount => _outcomes.Count(o => !o.Stored);

    public bool HasWarnings => _outcomes.Any(o => o.Stored && o.WarningReason is not null);

    public void Add(DicomWebStoreOutcome outcome) => _outcomes.Add(outcome);

    /// <summary>200 all stored, 202 some failed or were stored with warnings, 409 none stored (PS3.18 10.5.3).</summary>
    public int StatusCode => StoredCount == 0 && FailedCount > 0 ? StatusCodes.Status409Conflict
        : FailedCount > 0 || HasWarnings ? StatusCodes.Status202Accepted
        : StatusCodes.Status200OK;

    /// <summary>The Warning header text for a partial success, or null.</summary>
    public string? WarningText => StatusCode == StatusCodes.Status202Accepted
        ? FailedCount > 0
            ? $"{FailedCount} of {_outcomes.Count} instances failed to store; see FailedSOPSequence"
            : "Instances were stored with coerced or corrected attributes; see WarningReason"
        : null;

    public DicomDataset Build(string? requestStudyUid)
    {
        var response = new DicomDataset();
        var studies = _outcomes.Where(o => o.Stored && o.StudyUid is not null).Select(o => o.StudyUid!).Distinct().ToList();
        var studyUid = requestStudyUid ?? (studies.Count == 1 ? studies[0] : null);
        if (studyUid is not null && StoredCount > 0)
        {
            response.AddOrUpdate(DicomTags.RetrieveURL, DicomVR.UR, $"{baseUrl}/studies/{studyUid}");
        }

        var failed = _outcomes.Where(o => !o.Stored).Select(o =>
        {
            var item = ReferencedItem(o);
            item.AddOrUpdate<ushort>(DicomTags.FailureReason, DicomVR.US, o.FailureReason ?? DicomWebStoreOutcome.ProcessingFailure);
            return item;
        }).ToList();
        if (failed.Count > 0)
        {
            response.AddOrUpdate(new DicomSequence(DicomTags.FailedSOPSequence, failed));
        }

        var stored = _outcomes.Where(o => o.Stored).Select(o =>
        {
            var item = ReferencedItem(o);
            item.AddOrUpdate(DicomTags.RetrieveURL, DicomVR.UR, $"{baseUrl}/studies/{o.StudyUid}/series/{o.SeriesUid}/instances/{o.SopInstanceUid}");
            if (o.WarningReason is { } warning)
            {
                item.AddOrUpdate<ushort>(DicomTags.WarningReason, DicomVR.US, warning);
            }

            return item;
        }).ToList();
        if (stored.Count > 0)
        {
            response.AddOrUpdate(new DicomSequence(DicomTags.ReferencedSOPSequence, stored));
        }

        return response;
    }

    private static DicomItem ReferencedItem(DicomWebStoreOutcome o)
    {
        var item = new DicomItem();
        item.AddOrUpdate(DicomTags.ReferencedSOPClassUID, DicomVR.UI, o.SopClassUid ?? "");
        item.AddOrUpdate(DicomTags.ReferencedSOPInstanceUID, DicomVR.UI, o.SopInstanceUid ?? "");
        return item;
    }
}
