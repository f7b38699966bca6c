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
        usage: teleread dicom commit HOST PORT FILE... [--listen PORT [--listen-aet AE] [--listen-host ADDR]]
                                                       [--aet AE] [--aec AE] [--timeout S]
        """ + "\n" + StorageCommitmentListen.OptionsUsage + DicomNode.OptionsUsage + """
        Reads the SOP Class and Instance UIDs of each file (header only), sends one N-ACTION with a new
        Transaction UID and waits (--timeout) for the node's N-EVENT-REPORT on the same association (we
        offer the SCP role for it) or, with --listen, on a new association to us, whichever comes first.
        A node that reports on a new association (e.g. Orthanc) needs --listen. Prints each instance as
        committed or failed with the failure reason. Exit code 0 only when every instance is committed.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, []);
        var node = DicomNode.From(parsed);
        var listen = StorageCommitmentListen.From(parsed, node);
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

        DicomStorageCommitmentListener? listener = null;
        if (listen is not null && (listener = listen.Start("dicom commit", node)) is null)
        {
            return 1;
        }

        await using (listener)
        {
            return await CommitAsync(node, listener, references, files, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The SOP Class and Instance UIDs of a Part 10 file, read from its header (the data set, else the file meta information).</summary>
    public static DicomSopReference ReadReference(string path)
    {
        var header = DicomReader.ReadFile(path, DicomReaderOptions.HeaderOnly);
        var sopClass = header.Dataset.GetStringOrDefault(DicomTags.SOPClassUID) ?? header.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID);
        var sopInstance = header.Dataset.GetStringOrDefault(DicomTags.SOPInstanceUID) ?? header.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID);
        return new DicomSopReference(sopClass.Trim(), sopInstance.Trim());
    }

    private static async Task<int> CommitAsync(DicomNode node, DicomStorageCommitmentListener? listener, List<DicomSopReference> references, Dictionary<string, string> files, CancellationToken cancellationToken)
    {
        try
        {
            var scu = await node.OpenAsync([DicomStorageCommitmentRequest.Proposal], cancellationToken).ConfigureAwait(false);
            await using var association = scu.Association;
            var result = await scu.RequestStorageCommitmentAsync(DicomStorageCommitmentRequest.For(references), node.Timeout, listener, cancellationToken)
                .ConfigureAwait(false);
            if (association.State == DicomAssociationState.Established)
            {
                await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            }

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
