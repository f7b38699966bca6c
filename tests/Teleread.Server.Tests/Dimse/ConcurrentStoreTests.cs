using Teleread.Archive;
using Teleread.Archive.Retrieve;
using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Dicom.Network;
using Teleread.Server.Tests.Dimse.Support;
using Teleread.Testing;

namespace Teleread.Server.Tests.Dimse;

/// <summary>
/// Two clinics' modalities storing at the same time on many associations: every instance is acknowledged, indexed under
/// its own clinic only, and held by both storage sites; the index writers of the process take turns without losing one.
/// </summary>
public sealed class ConcurrentStoreTests
{
    private const int AssociationsPerClinic = 6;
    private const int InstancesPerStudy = 10;

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_clinics_storing_on_many_associations_at_once_each_get_every_instance_and_only_their_own(string provider)
    {
        await using var server = await DimseTestServer.StartAsync(provider);

        var sends = new List<Task<List<DicomStatus>>>();
        foreach (var (ae, clinicNumber) in new[] { ("MODALITY_A", 1), ("MODALITY_B", 2) })
        {
            for (var a = 0; a < AssociationsPerClinic; a++)
            {
                sends.Add(StoreStudyAsync(server.Port, ae, $"2.25.{clinicNumber}0{a:00}"));
            }
        }

        var statuses = (await Task.WhenAll(sends)).SelectMany(s => s).ToList();

        Assert.Equal(2 * AssociationsPerClinic * InstancesPerStudy, statuses.Count);
        Assert.All(statuses, s => Assert.True(s.IsSuccess, $"status 0x{s.Code:X4}"));
        var retrieve = server.Server.Service<RetrieveService>();
        foreach (var (clinic, own, other) in new[] { (server.ClinicA, 1, 2), (server.ClinicB, 2, 1) })
        {
            var access = ArchiveAccess.Clinic(clinic.Id);
            for (var a = 0; a < AssociationsPerClinic; a++)
            {
                var instances = await retrieve.ListInstancesAsync(access, $"2.25.{own}0{a:00}", null, null, CancellationToken.None);
                Assert.Equal(InstancesPerStudy, instances.Count);
                Assert.All(instances, i => Assert.Equal(clinic.Id, i.ClinicId));
                Assert.Empty(await retrieve.ListInstancesAsync(access, $"2.25.{other}0{a:00}", null, null, CancellationToken.None));
            }
        }

        foreach (var site in new[] { "east", "west" })
        {
            var files = Directory.GetFiles(Path.Combine(server.Server.DataDirectory, "storage", site), "*.dcm", SearchOption.AllDirectories);
            Assert.Equal(2 * AssociationsPerClinic * InstancesPerStudy, files.Length);
        }
    }

    /// <summary>One association storing one study of <see cref="InstancesPerStudy"/> instances, one at a time.</summary>
    private static async Task<List<DicomStatus>> StoreStudyAsync(int port, string callingAe, string studyUid)
    {
        var instance = DicomFile.Open(RepoPaths.Sample("pydicom/test_files/CT_small.dcm")).Dataset;
        var client = new DicomClient(new DicomClientOptions { CallingAeTitle = callingAe, CalledAeTitle = "TELEREAD" });
        await using var association = await client.OpenAssociationAsync("127.0.0.1", port,
            [new DicomPresentationContextProposal(DicomUids.CTImageStorage, DicomUids.ExplicitVRLittleEndian)]);
        var scu = new DicomScu(association);
        var statuses = new List<DicomStatus>();
        for (var i = 1; i <= InstancesPerStudy; i++)
        {
            instance.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, studyUid)
                .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, studyUid + ".1")
                .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, $"{studyUid}.1.{i}")
                .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "P-" + studyUid);
            statuses.Add(await scu.StoreAsync(instance));
        }

        await association.ReleaseAsync();
        return statuses;
    }
}
