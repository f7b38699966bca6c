using System.Diagnostics;
using Teleread.Dicom;
using Teleread.Dicom.Network;

namespace Teleread.Archive.Benchmarks;

/// <summary>STUDY-level C-FIND latency (request sent to final response) through the DIMSE port, one association, NoDelay sockets.</summary>
internal static class CFindLatency
{
    public static async Task<int> RunAsync(string host, int port, string calledAe, string callingAe, int studies, int rounds)
    {
        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = callingAe, CalledAeTitle = calledAe });
        await using var association = await client.OpenAssociationAsync(host, port,
            [new DicomPresentationContextProposal(DicomUids.StudyRootQueryRetrieveInformationModelFind, DicomUids.ExplicitVRLittleEndian)]);
        var scu = new DicomScu(association);
        var all = new List<double>();
        var matches = 0L;
        for (var warm = 0; warm < 20; warm++)
        {
            await FindAsync(scu, QueryMix.FindShapes[warm % QueryMix.FindShapes.Length], warm + 1000, studies);
        }

        foreach (var shape in QueryMix.FindShapes)
        {
            var samples = new List<double>(rounds);
            for (var round = 0; round < rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                matches += await FindAsync(scu, shape, round, studies);
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(Percentiles.Line(shape, samples));
            all.AddRange(samples);
        }

        Console.WriteLine(Percentiles.Line("all", all));
        Console.WriteLine($"matches per query (mean) {matches / (double)all.Count:F1}");
        await association.ReleaseAsync();
        return matches == 0 ? 1 : 0;
    }

    private static async Task<int> FindAsync(DicomScu scu, string shape, int round, int studies)
    {
        var identifier = new DicomDataset();
        identifier.AddOrUpdate(DicomTags.QueryRetrieveLevel, DicomVR.CS, "STUDY");
        foreach (var tag in new[] { DicomTags.PatientName, DicomTags.PatientID, DicomTags.StudyDate, DicomTags.AccessionNumber, DicomTags.ModalitiesInStudy, DicomTags.StudyInstanceUID, DicomTags.StudyDescription })
        {
            identifier.AddOrUpdate(tag, DicomDictionary.DefaultVR(tag), []);
        }

        identifier.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        foreach (var (tag, value) in QueryMix.Keys(shape, round, studies).Keys)
        {
            identifier.AddOrUpdate(tag, DicomDictionary.DefaultVR(tag), value);
        }

        var count = 0;
        await foreach (var _ in scu.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, identifier))
        {
            count++;
        }

        return count;
    }
}
