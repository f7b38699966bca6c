using Teleread.Archive.Query;
using Teleread.Dicom;

namespace Teleread.Server.Dimse;

/// <summary>Between a C-FIND/C-MOVE/C-GET identifier and the archive's <see cref="StudyQuery"/>.</summary>
public static class DimseQueryMapping
{
    public static StudyQuery ToStudyQuery(DicomDataset identifier)
    {
        var level = (identifier.GetStringOrDefault(DicomTags.QueryRetrieveLevel) ?? "STUDY").Trim().ToUpperInvariant() switch
        {
            "PATIENT" => QueryLevel.Patient,
            "SERIES" => QueryLevel.Series,
            "IMAGE" => QueryLevel.Image,
            _ => QueryLevel.Study,
        };
        var query = new StudyQuery { Level = level, Limit = StudyQueryService.MaxResults };
        foreach (var attribute in identifier)
        {
            if (attribute is DicomElement element && element.Tag != DicomTags.QueryRetrieveLevel && element.Tag != DicomTags.SpecificCharacterSet
                && identifier.TryGetString(element.Tag, out var value) && value.Length > 0)
            {
                query.Keys[element.Tag] = value;
            }
        }

        return query;
    }

    /// <summary>The match restricted to the keys the identifier asked for (PS3.4 C.4.1.1.3.2), plus the level and character set.</summary>
    public static DicomDataset Response(DicomDataset identifier, DicomDataset match)
    {
        var response = new DicomDataset();
        response.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        foreach (var attribute in identifier)
        {
            if (attribute.Tag == DicomTags.SpecificCharacterSet)
            {
                continue;
            }

            if (match.Get(attribute.Tag) is { } found)
            {
                response.AddOrUpdate(found);
            }
            else if (attribute is DicomElement e)
            {
                response.AddOrUpdate(e.Tag, e.VR, []);
            }
        }

        return response;
    }
}
