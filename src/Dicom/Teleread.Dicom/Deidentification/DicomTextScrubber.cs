using System.Text.RegularExpressions;

namespace Teleread.Dicom.Deidentification;

/// <summary>The "C" (clean) action for free text: removes the patient's known identifiers (name parts, IDs, accession number, birth date).</summary>
internal sealed class DicomTextScrubber
{
    private const string Mask = "***";
    private readonly Regex? _pattern;

    public DicomTextScrubber(DicomDataset dataset)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in dataset.GetStrings(DicomTags.PatientName).Concat(dataset.GetStrings(DicomTags.OtherPatientNames)))
        {
            foreach (var part in name.Split(['^', '=', ' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part.Length >= 2)
                {
                    words.Add(part);
                }
            }
        }

        foreach (var tag in new[] { DicomTags.PatientID, DicomTags.OtherPatientIDs, DicomTags.AccessionNumber, DicomTags.PatientBirthDate, DicomTags.StudyID })
        {
            foreach (var v in dataset.GetStrings(tag))
            {
                if (v.Length >= 2)
                {
                    words.Add(v);
                }
            }
        }

        if (words.Count > 0)
        {
            var alternatives = string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));
            _pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    public string Clean(string text) => _pattern?.Replace(text, Mask) ?? text;
}
