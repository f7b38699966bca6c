using Teleread.Cli.Dimse;
using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Dicom.Network;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom commit HOST PORT FILE...`: ask a node to commit to keeping the files' instances (Storage Commitment Push Model SCU).</summary>
public sealed class DicomCommitCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "commit"];

    public string Summary => "Ask a node to commit to storing the files' instances (Storage Commitment, N-ACTION/N-EVENT-REPORT)";

    public string Usage => """
        usage: teleread dicom commit HOST PORT FILE... [--aet AE] [--aec AE] [--timeout S]
        """ + "\n" + DicomNode.OptionsUsage + """
        Reads the SOP Class and Instance UIDs of each file (header only), sends one N-ACTION with a new
        Transaction UID and waits (--timeout) for the node's N-EVENT-REPORT on the same association; we
        offer the SCP role for it. Prints each instance as committed or failed with the failure reason.
        Exit code 0 only when every instance is committed, 1 otherwise.
        A node that sends its report on a new association (e.g. Orthanc) is not supported.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, []);
        var node = DicomNode.From(parsed);
        if (parsed.Positionals.Count < 3)
        {
            throw new CliUsageException("expected at least one FILE after HOST and PORT");
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var references = new List<DicomSopReference>();
        foreach (var path in parsed.Positionals.Skip(2))
        {
            try
            {
                var reference = ReadReference(path);
                if (files.TryAdd(reference.SopInstanceUid, path))
                {
                    references.Add(reference);
                }
            }
            catch (Exception ex) when (ex is DicomReadException or DicomDataException or IOException)
            {
                Console.Error.WriteLine($"teleread dicom commit: {path}: {ex.Message}");
                return 1;
            }
        }

        return await CommitAsync(node, references, files, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SOP Class and Instance UIDs of a Part 10 file, read from its header (the data set, else the file meta information).</summary>
    public static DicomSopReference ReadReference(string path)
    {
        var header = DicomReader.ReadFile(path, DicomReaderOptions.HeaderOnly);
        var sopClass = header.Dataset.GetStringOrDefault(DicomTags.SOPClassUID) ?? header.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID);
        var sopInstance = header.Dataset.GetStringOrDefault(DicomTags.SOPInstanceUID) ?? header.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID);
        return new DicomSopReference(sopClass.Trim(), sopInstance.Trim());
    }

    private static async Task<int> CommitAsync(DicomNode node, List<DicomSopReference> references, Dictionary<string, string> files, CancellationToken cancellationToken)
    {
        try
        {
            var scu = await node.OpenAsync([DicomStorageCommitmentRequest.Proposal], cancellationToken).ConfigureAwait(false);
            await using var association = scu.Association;
            var result = await scu.RequestStorageCommitmentAsync(DicomStorageCommitmentRequest.For(references), node.Timeout, cancellationToken).ConfigureAwait(false);
            await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            StorageCommitmentTable.Write(Console.Out, result, files);
            return result.AllCommitted ? 0 : 1;
        }
        catch (Exception ex) when (DicomNetworkErrors.IsExpected(ex, cancellationToken))
        {
            Console.Error.WriteLine($"teleread dicom commit: {DicomNetworkErrors.Describe(ex, node)}");
            return 1;
        }
    }
}
