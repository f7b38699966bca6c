namespace Teleread.Reading.Domain;

/// <summary>What the clinic asks for (依頼): the question, what was imaged, how urgently, by whom, with what context.</summary>
public sealed record ReadingRequestDetails(
    string ClinicalQuestion,
    ImagingModality Modality,
    BodyRegion BodyRegion,
    ReadingPriority Priority,
    string RequestingDoctor,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<string> PriorStudyReferences,
    Subspecialty? RequiredSubspecialty = null);
