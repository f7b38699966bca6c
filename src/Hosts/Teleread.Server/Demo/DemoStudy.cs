namespace Teleread.Server.Demo;

/// <summary>A sample study the demo loaded into a clinic's archive: what a reading request needs to name it.</summary>
/// <param name="Modalities">DICOM modality codes in the study (CT, MR, OT …).</param>
public sealed record DemoStudy(string StudyInstanceUid, string PatientId, IReadOnlyList<string> Modalities, string Description);
