using Teleread.Archive;
using Teleread.Archive.Retrieve;
using Teleread.Server.Dimse;

namespace Teleread.Server.Tests.Dimse.Support;

/// <summary>The data set bytes (after the PS3.10 meta header) as the archive stored them, and as a received file holds them.</summary>
public static class ArchivedDataSets
{
    public static async Task<Dictionary<string, byte[]>> OfStudyAsync(RunningServer server, string studyUid)
    {
        var retrieve = server.Service<RetrieveService>();
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var instance in await retrieve.ListInstancesAsync(ArchiveAccess.All, studyUid, null, null, CancellationToken.None))
        {
            await using var dataSet = await Part10DataSet.OpenAsync(await retrieve.OpenAsync(instance, CancellationToken.None), CancellationToken.None);
            result[instance.SopInstanceUid] = await ReadAllAsync(dataSet);
        }

        return result;
    }

    public static async Task<(string SopInstanceUid, byte[] DataSet)> OfFileAsync(string path)
    {
        var sopInstanceUid = Teleread.Dicom.DicomFile.Open(path).Dataset.GetString(Teleread.Dicom.DicomTags.SOPInstanceUID);
        await using var dataSet = await Part10DataSet.OpenAsync(File.OpenRead(path), CancellationToken.None);
        return (sopInstanceUid, await ReadAllAsync(dataSet));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
