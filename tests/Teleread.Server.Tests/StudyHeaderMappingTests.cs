using Teleread.Archive.Ingest;
using Teleread.Reading.Domain;
using Teleread.Server.Reading;

namespace Teleread.Server.Tests;

public sealed class StudyHeaderMappingTests
{
    [Theory]
    [InlineData("CT", "CHEST", ImagingModality.CT, BodyRegion.Chest)]
    [InlineData("MR", "LSPINE", ImagingModality.MR, BodyRegion.Spine)]
    [InlineData("DX", "knee", ImagingModality.XRay, BodyRegion.Extremity)]
    [InlineData("PT", "WHOLEBODY", ImagingModality.NuclearMedicine, BodyRegion.WholeBody)]
    [InlineData("US", "", ImagingModality.Ultrasound, null)]
    public void Image_modalities_and_body_parts_map_to_the_reading_terms(string modality, string bodyPart, ImagingModality expected, BodyRegion? region)
    {
        var study = StudyHeaderMapping.ToStudy(new StoredInstanceHeader("P-1", modality, bodyPart, "desc", "reason", "Yamada^Taro=山田^太郎"))!;

        Assert.Equal((expected, region, "Yamada Taro = 山田 太郎"), (study.Modality, study.BodyRegion, study.ReferringPhysician));
    }

    [Theory]
    [InlineData("SR")]
    [InlineData("KO")]
    [InlineData("PR")]
    [InlineData("")]
    public void Objects_that_are_not_images_to_read_open_no_request(string modality) =>
        Assert.Null(StudyHeaderMapping.ToStudy(new StoredInstanceHeader("P-1", modality, "CHEST", "", "", "")));
}
