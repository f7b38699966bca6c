using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Server.Tests.Dimse.Support;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse;

/// <summary>
/// DCMTK's storescu sends every storable sample, each proposed in its own transfer syntax (-R), to the running server and
/// to DCMTK's storescp in bit-preserving mode: what the archive keeps must be byte for byte what storescp wrote, i.e. what
/// was on the wire (storescu itself re-encodes some files, so the original file is not the reference).
/// </summary>
public sealed class StorescuAllSamplesTests
{
    private const string MediaStorageDirectory = "1.2.840.10008.1.3.10";

    [Fact]
    public async Task Every_sample_sent_by_storescu_in_its_own_transfer_syntax_is_archived_byte_for_byte()
    {
        // storescu proposes only the syntaxes named by a -x flag, so each file goes with the flag of its own transfer
        // syntax; one association per 20 files keeps the (SOP class, syntax) pairs under the 128 an association holds.
        var batches = StorableSamples().GroupBy(s => ProposalFlag(s.TransferSyntaxUid)).SelectMany(g => g.Chunk(20).Select(b => (Flag: g.Key, Files: b))).ToList();
        var sent = batches.SelectMany(b => b.Files).ToList();
        Assert.True(sent.Count > 100, $"only {sent.Count} storable samples found");

        // Some samples are edited copies of others: same Study Instance UID, another Patient ID. A study belongs to the
        // patient it was first stored for, so the later copy must be refused (0xC001) and the first one kept.
        var studyPatient = new Dictionary<string, string>(StringComparer.Ordinal);
        var refused = sent.Where(s => !studyPatient.TryAdd(s.StudyUid, s.PatientId) && studyPatient[s.StudyUid] != s.PatientId).Select(s => s.Path).ToHashSet();
        Assert.NotEmpty(refused);
        await using var server = await DimseTestServer.StartAsync();
        await using var reference = await StorescpPeer.StartAsync("REFERENCE", bitPreserving: true);

        foreach (var (flag, files) in batches)
        {
            var copy = await Dcmtk.RunAsync("storescu", [flag, "-R", "-nh", "-aec", reference.AeTitle, "127.0.0.1", reference.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. files.Select(s => s.Path)]);
            Assert.True(copy.ExitCode == 0, $"storescu {flag} to storescp exited {copy.ExitCode}");
            var store = await Dcmtk.RunAsync("storescu", [flag, "-R", "-nh", "-v", "-aet", "MODALITY_A", "-aec", "TELEREAD", "127.0.0.1", server.PortText, .. files.Select(s => s.Path)]);
            var responses = store.Output().Split('\n').Where(l => l.Contains("Received Store Response", StringComparison.Ordinal)).ToList();
            var expected = files.Select(f => refused.Contains(f.Path) ? "Received Store Response (Error: CannotUnderstand)" : "Received Store Response (Success)").ToList();
            Assert.True(expected.SequenceEqual(responses.Select(r => r[r.IndexOf("Received", StringComparison.Ordinal)..].Trim())),
                $"storescu {flag} exited {store.ExitCode}: {string.Join('\n', store.Output().Split('\n').Where(l => !l.Contains("DcmItem", StringComparison.Ordinal)))}");
        }

        var archived = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var study in sent.Select(s => s.StudyUid).Distinct(StringComparer.Ordinal))
        {
            foreach (var (sop, bytes) in await ArchivedDataSets.OfStudyAsync(server.Server, study))
            {
                archived[sop] = bytes;
            }
        }

        var onTheWire = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var received in reference.ReceivedFiles())
        {
            var (sop, bytes) = await ArchivedDataSets.OfFileAsync(received);
            onTheWire[sop] = bytes;
        }

        foreach (var sample in sent.Where(s => !refused.Contains(s.Path)))
        {
            Assert.True(archived.TryGetValue(sample.SopInstanceUid, out var stored), $"{sample.Path} was not archived");
            Assert.True(onTheWire.TryGetValue(sample.SopInstanceUid, out var sentBytes), $"{sample.Path} did not reach storescp");
            Assert.True(sentBytes.AsSpan().SequenceEqual(stored), $"{sample.Path}: the archived data set differs from what storescu sent ({stored.Length} vs {sentBytes.Length} bytes)");
        }

        Assert.All(sent.Where(s => refused.Contains(s.Path)), s => Assert.False(archived.ContainsKey(s.SopInstanceUid), $"{s.Path} moved a study to another patient"));
    }

    private static string ProposalFlag(string transferSyntaxUid) => transferSyntaxUid switch
    {
        "1.2.840.10008.1.2" => "-xi",
        "1.2.840.10008.1.2.1" => "-x=",
        "1.2.840.10008.1.2.2" => "-xb",
        "1.2.840.10008.1.2.1.99" => "-xd",
        "1.2.840.10008.1.2.5" => "-xr",
        "1.2.840.10008.1.2.4.50" => "-xy",
        "1.2.840.10008.1.2.4.51" => "-xx",
        "1.2.840.10008.1.2.4.57" or "1.2.840.10008.1.2.4.70" => "-xs",
        "1.2.840.10008.1.2.4.80" => "-xt",
        "1.2.840.10008.1.2.4.81" => "-xu",
        "1.2.840.10008.1.2.4.90" => "-xv",
        "1.2.840.10008.1.2.4.91" => "-xw",
        _ => throw new InvalidOperationException($"no storescu proposal flag for transfer syntax {transferSyntaxUid}: add one"),
    };

    /// <summary>PS3.10 files of a storage SOP class with the UIDs an archive needs; one file per SOP Instance UID.</summary>
    private static List<(string Path, string StudyUid, string PatientId, string SopInstanceUid, string TransferSyntaxUid)> StorableSamples()
    {
        var found = new List<(string, string, string, string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in RepoPaths.AllSampleFiles())
        {
            var path = RepoPaths.Sample(relative);
            DicomFile file;
            try
            {
                file = DicomFile.Open(path);
            }
            catch (Exception e) when (e is DicomReadException or DicomDataException)
            {
                continue;
            }

            var sopClass = file.FileMetaInformation.GetStringOrDefault(DicomTags.MediaStorageSOPClassUID)?.Trim();
            var study = file.Dataset.GetStringOrDefault(DicomTags.StudyInstanceUID)?.Trim();
            var series = file.Dataset.GetStringOrDefault(DicomTags.SeriesInstanceUID)?.Trim();
            var sop = file.Dataset.GetStringOrDefault(DicomTags.SOPInstanceUID)?.Trim();
            if (string.IsNullOrEmpty(sopClass) || sopClass == MediaStorageDirectory || string.IsNullOrEmpty(study) || string.IsNullOrEmpty(series)
                || string.IsNullOrEmpty(sop) || !seen.Add(sop))
            {
                continue;
            }

            found.Add((path, study, file.Dataset.GetStringOrDefault(DicomTags.PatientID)?.Trim() ?? "", sop, file.FileMetaInformation.GetStringOrDefault(DicomTags.TransferSyntaxUID)?.Trim() ?? ""));
        }

        return found;
    }
}
