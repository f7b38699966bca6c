using Teleread.Reading.Domain;

namespace Teleread.Reading.Application;

/// <summary>
/// What the images of a study say about it, in the reading service's terms (the host maps the DICOM header): enough to
/// open a request nobody filed. Empty strings where the images say nothing.
/// </summary>
/// <param name="BodyRegion">Null when the images name no region the service knows; the request then reads as whole body (general).</param>
/// <param name="ReasonForRequest">Reason for the Requested Procedure, as the modality received it from the order.</param>
public sealed record StudyFromImages(
    string PatientId,
    ImagingModality Modality,
    BodyRegion? BodyRegion,
    string ReasonForRequest,
    string StudyDescription,
    string ReferringPhysician);
