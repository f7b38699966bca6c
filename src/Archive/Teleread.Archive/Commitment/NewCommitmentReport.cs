using Teleread.Dicom;

namespace Teleread.Archive.Commitment;

/// <summary>
/// A Storage Commitment report (N-EVENT-REPORT, PS3.4 J.3.3) owed to the node of <paramref name="ClinicId"/> whose
/// AE title is <paramref name="CallingAeTitle"/>; <paramref name="EventInformation"/> holds only UIDs and failure reasons.
/// </summary>
public sealed record NewCommitmentReport(string ClinicId, string CallingAeTitle, string TransactionUid, ushort EventTypeId, DicomDataset EventInformation);
