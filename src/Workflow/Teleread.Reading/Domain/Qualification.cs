namespace Teleread.Reading.Domain;

/// <summary>Whether a radiologist may read a case at all, regardless of time and load.</summary>
public static class Qualification
{
    /// <summary>Mammography screening reads need the 検診マンモグラフィ読影認定 credential.</summary>
    public const string MammographyCredential = "mammography-reader";

    public static readonly IReadOnlyDictionary<BodyRegion, Subspecialty[]> RegionSpecialties = new Dictionary<BodyRegion, Subspecialty[]>
    {
        [BodyRegion.Head] = [Subspecialty.Neuro],
        [BodyRegion.Neck] = [Subspecialty.HeadNeck, Subspecialty.Neuro],
        [BodyRegion.Chest] = [Subspecialty.Chest, Subspecialty.Cardiac],
        [BodyRegion.Abdomen] = [Subspecialty.Abdominal],
        [BodyRegion.Pelvis] = [Subspecialty.Abdominal],
        [BodyRegion.Spine] = [Subspecialty.Neuro, Subspecialty.Musculoskeletal],
        [BodyRegion.Extremity] = [Subspecialty.Musculoskeletal],
        [BodyRegion.Breast] = [Subspecialty.Breast],
        [BodyRegion.Heart] = [Subspecialty.Cardiac],
        [BodyRegion.WholeBody] = [Subspecialty.General],
    };

    public static string? WhyNot(RadiologistProfile r, AssignableCase c)
    {
        if (r.ExcludedClinicIds.Contains(c.ClinicId))
        {
            return "must not read for this clinic";
        }

        if (!r.Modalities.Contains(c.Modality))
        {
            return $"does not read {c.Modality}";
        }

        if (c.Modality == ImagingModality.Mammography && !r.Credentials.Contains(MammographyCredential))
        {
            return "lacks the mammography reader credential";
        }

        if (c.ReportLanguage is { } language && !r.Languages.Contains(language))
        {
            return $"does not report in '{language}'";
        }

        if (c.RequiredSubspecialty is { } required)
        {
            return r.Subspecialties.Contains(required) && r.BoardCertified ? null : $"not a board-certified {required} subspecialist";
        }

        var covers = r.Subspecialties.Contains(Subspecialty.General) || RegionSpecialties[c.BodyRegion].Any(r.Subspecialties.Contains);
        return covers ? null : $"no subspecialty covering {c.BodyRegion}";
    }

    public static bool IsQualified(RadiologistProfile r, AssignableCase c) => WhyNot(r, c) is null;
}
