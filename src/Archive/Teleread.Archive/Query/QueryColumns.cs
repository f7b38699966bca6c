using Teleread.Dicom;

namespace Teleread.Archive.Query;

/// <summary>Which index column answers which attribute, and how it matches (PS3.4 C.2.2.2).</summary>
internal static class QueryColumns
{
    public enum Match
    {
        Text,
        Uid,
        DateRange,
        PersonName,
        Modalities,
    }

    /// <summary>One matchable attribute; <see cref="InSequence"/> names the sequence whose (first) item holds it.</summary>
    public sealed record Column(DicomTag Tag, string Sql, Match Kind, QueryLevel Level, DicomTag? InSequence = null);

    public static readonly Column[] All =
    [
        new(DicomTags.PatientName, "st.patient_name", Match.PersonName, QueryLevel.Patient),
        new(DicomTags.PatientID, "st.patient_id", Match.Text, QueryLevel.Patient),
        new(DicomTags.PatientBirthDate, "st.patient_birth_date", Match.DateRange, QueryLevel.Patient),
        new(DicomTags.PatientSex, "st.patient_sex", Match.Text, QueryLevel.Patient),
        new(DicomTags.StudyInstanceUID, "st.study_uid", Match.Uid, QueryLevel.Study),
        new(DicomTags.StudyDate, "st.study_date", Match.DateRange, QueryLevel.Study),
        new(DicomTags.StudyTime, "st.study_time", Match.DateRange, QueryLevel.Study),
        new(DicomTags.AccessionNumber, "st.accession_number", Match.Text, QueryLevel.Study),
        new(DicomTags.StudyID, "st.study_id", Match.Text, QueryLevel.Study),
        new(DicomTags.StudyDescription, "st.study_description", Match.Text, QueryLevel.Study),
        new(DicomTags.ReferringPhysicianName, "st.referring_physician", Match.Text, QueryLevel.Study),
        new(DicomTags.ModalitiesInStudy, "st.modalities", Match.Modalities, QueryLevel.Study),
        new(DicomTags.NumberOfStudyRelatedSeries, "st.series_count", Match.Text, QueryLevel.Study),
        new(DicomTags.NumberOfStudyRelatedInstances, "st.instance_count", Match.Text, QueryLevel.Study),
        new(DicomTags.SeriesInstanceUID, "se.series_uid", Match.Uid, QueryLevel.Series),
        new(DicomTags.Modality, "se.modality", Match.Text, QueryLevel.Series),
        new(DicomTags.SeriesNumber, "se.series_number", Match.Text, QueryLevel.Series),
        new(DicomTags.SeriesDescription, "se.series_description", Match.Text, QueryLevel.Series),
        new(DicomTags.BodyPartExamined, "se.body_part", Match.Text, QueryLevel.Series),
        new(DicomTags.NumberOfSeriesRelatedInstances, "se.instance_count", Match.Text, QueryLevel.Series),
        new(DicomTags.PerformedProcedureStepStartDate, "se.performed_start_date", Match.DateRange, QueryLevel.Series),
        new(DicomTags.PerformedProcedureStepStartTime, "se.performed_start_time", Match.DateRange, QueryLevel.Series),
        new(DicomTags.RequestedProcedureID, "se.requested_procedure_id", Match.Text, QueryLevel.Series, DicomTags.RequestAttributesSequence),
        new(DicomTags.ScheduledProcedureStepID, "se.scheduled_step_id", Match.Text, QueryLevel.Series, DicomTags.RequestAttributesSequence),
        new(DicomTags.SOPInstanceUID, "im.sop_instance_uid", Match.Uid, QueryLevel.Image),
        new(DicomTags.SOPClassUID, "im.sop_class_uid", Match.Uid, QueryLevel.Image),
        new(DicomTags.InstanceNumber, "im.instance_number", Match.Text, QueryLevel.Image),
        new(DicomTags.Rows, "im.rows_count", Match.Text, QueryLevel.Image),
        new(DicomTags.Columns, "im.columns_count", Match.Text, QueryLevel.Image),
        new(DicomTags.BitsAllocated, "im.bits_allocated", Match.Text, QueryLevel.Image),
        new(DicomTags.NumberOfFrames, "im.number_of_frames", Match.Text, QueryLevel.Image),
        new(DicomTags.AvailableTransferSyntaxUID, "im.transfer_syntax_uid", Match.Uid, QueryLevel.Image),
    ];
}
