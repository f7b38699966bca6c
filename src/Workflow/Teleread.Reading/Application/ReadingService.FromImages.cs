using System.Data.Common;
using Teleread.Data;
using Teleread.Reading.Domain;
using Teleread.Reading.Persistence;

namespace Teleread.Reading.Application;

/// <summary>
/// Every study a clinic sends is read: images of a study nobody filed a request for open one (system actor, the contract's
/// image-only priority), and the clinic's own request, when it comes, takes that request's place instead of doubling it.
/// The database decides who opens a study's request (<see cref="ReadingRequestStore.InsertAsync"/> with holdsStudy), so
/// concurrent arrivals on several associations or server processes open exactly one.
/// </summary>
public sealed partial class ReadingService
{
    /// <summary>What the clinical question of a request opened from images starts with, so nobody mistakes it for the clinic's words.</summary>
    public const string FromImagesPrefix = "[From the images; no request from the clinic yet]";

    /// <summary>Opens the study's request from its images; null when the contract says not to, or another arrival opened it first.</summary>
    private async Task<CommandOutcome?> OpenFromImagesAsync(ImagesReceived images, CancellationToken ct)
    {
        var study = images.Study!;
        if (await Directory.FindClinicAsync(images.ClinicId, ct).ConfigureAwait(false) is not { Contract.CreateRequestsFromImages: true } clinic)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var priority = clinic.Contract.ImageOnlyPriority;
        var patientId = string.IsNullOrWhiteSpace(study.PatientId) ? "(no Patient ID in the images)" : study.PatientId.Trim();
        var priors = string.IsNullOrWhiteSpace(study.PatientId)
            ? []
            : (await Requests.ListAsync(new ReadingRequestFilter(ClinicId: images.ClinicId, PatientId: patientId), ct).ConfigureAwait(false))
                .OrderByDescending(r => r.ReceivedAt).Select(r => r.StudyReference).Where(s => s != images.StudyReference).Distinct(StringComparer.Ordinal).ToList();
        var details = new ReadingRequestDetails(QuestionFrom(study), study.Modality,
            study.BodyRegion ?? (study.Modality == ImagingModality.Mammography ? BodyRegion.Breast : BodyRegion.WholeBody), priority,
            string.IsNullOrWhiteSpace(study.ReferringPhysician) ? "(no referring physician in the images)" : study.ReferringPhysician.Trim(), [], priors);
        var request = ReadingRequest.ReceiveFromImages(Guid.NewGuid(), images.ClinicId, patientId, images.StudyReference, details, now,
            DeadlineCalculator.Compute(priority, now, clinic.Contract.Sla), clinic.Contract.RequiresSecondReading, clinic.Contract.RequiresQaCheck, images.Channel);
        return await WriteStudyAsync(images.ClinicId, images.StudyReference, async (c, t) =>
        {
            // Any request of the study, even a cancelled one, means the clinic has spoken: a cancelled study stays cancelled.
            if (!await Requests.InsertAsync(c, t, request, null, ct, holdsStudy: true).ConfigureAwait(false))
            {
                return null;
            }

            await EscalationTimerStore.ScheduleAsync(c, t, escalation.Schedule(request), ct).ConfigureAwait(false);
            return CommandOutcome.Ok(request);
        }, ct).ConfigureAwait(false);
    }

    private static string QuestionFrom(StudyFromImages study)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(study.ReasonForRequest))
        {
            parts.Add("Reason for the requested procedure: " + study.ReasonForRequest.Trim());
        }

        if (!string.IsNullOrWhiteSpace(study.StudyDescription))
        {
            parts.Add("Study description: " + study.StudyDescription.Trim());
        }

        return $"{FromImagesPrefix} {(parts.Count == 0 ? "No reason or description in the images." : string.Join("; ", parts))}";
    }

    /// <summary>
    /// The clinic's request for a study whose request was opened from its images: replaces the details while no radiologist
    /// has the case; afterwards refuses with <see cref="ReadingError.StudyAlreadyInReading"/>, naming the request.
    /// </summary>
    private async Task<CommandOutcome> SupplyDetailsAsync(DbConnection c, DbTransaction t, ReadingRequest fromImages, NewReadingRequest n,
        ReadingRequestDetails details, DateTimeOffset deadline, bool secondReading, Actor actor, string? idempotencyKey, CancellationToken ct)
    {
        var loaded = fromImages.Version;
        var now = clock.GetUtcNow();
        var result = fromImages.SupplyDetails(n.PatientId, details, deadline, secondReading,
            new CommandContext(actor, now, $"details supplied by the clinic (priority {details.Priority}, due {deadline:O})"));
        if (!result.IsAccepted)
        {
            return new CommandOutcome(fromImages, ReadingError.StudyAlreadyInReading,
                $"Study {n.StudyReference} is already in reading as request {fromImages.Id} (opened from its images, now {fromImages.State}); "
                + "the clinic's details were not applied and no second request was opened. Contact the reading centre to add information for the radiologist.");
        }

        if (!await Requests.TrySaveAsync(c, t, fromImages, loaded, ct).ConfigureAwait(false))
        {
            return CommandOutcome.Fail(ReadingError.ConcurrencyConflict, $"Request {fromImages.Id} was changed by someone else; retry.");
        }

        await EscalationTimerStore.SupersedeAsync(c, t, fromImages.Id, now, ct).ConfigureAwait(false);
        await EscalationTimerStore.ScheduleAsync(c, t, escalation.Schedule(fromImages), ct).ConfigureAwait(false);
        if (idempotencyKey is not null)
        {
            await ReadingRequestStore.SetIdempotencyKeyAsync(c, t, fromImages.Id, idempotencyKey, ct).ConfigureAwait(false);
        }

        return CommandOutcome.Ok(fromImages);
    }
}
