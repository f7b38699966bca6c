namespace Teleread.Reading.Domain;

/// <summary>What the clinic asks for (依頼): the question, what was imaged, how urgently, by whom, with what context.</summary>
/// <param name="RequiredSubspecialty">Set when the clinic asks for a specialist (e.g. a neuroradiologist).</param>
/// <param name="ReportLanguage">Set when the report must be written in a language other than Japanese (BCP 47, e.g. "en").</param>
public sealed record ReadingRequestDetails(
    string ClinicalQuestion,
    ImagingModality Modality,
    BodyRegion BodyRegion,
    ReadingPriority Priority,
    string RequestingDoctor,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<string> PriorStudyReferences,
    Subspecialty? RequiredSubspecialty = null,
    string? ReportLanguage = null);
