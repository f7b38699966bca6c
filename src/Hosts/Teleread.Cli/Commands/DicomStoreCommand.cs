using Teleread.Cli.Dimse;
using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Dicom.Network;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom store HOST PORT FILE...`: C-STORE files to a DICOM node (like storescu).</summary>
public sealed class DicomStoreCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "store"];

    public string Summary => "Send DICOM files to a node with C-STORE (like storescu; alias: dicom send)";

    public string Usage => """
        usage: teleread dicom store HOST PORT FILE... [--commit [--listen PORT [--listen-aet AE] [--listen-host ADDR]]]
                                                      [--aet AE] [--aec AE] [--timeout S]
          --commit       then request storage commitment of the stored instances on the same
                         association and print the result (as `dicom commit`)
        """ + "\n" + StorageCommitmentListen.OptionsUsage + DicomNode.OptionsUsage + """
        Each file is proposed in its own transfer syntax; uncompressed files also in explicit and
        implicit VR little endian, and converted to whichever the node accepted. All files go over
        one association. Exit code 1 when a status is a failure or no context was accepted for a file,
        or with --commit when an instance is not committed.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, ["commit"]);
        var commit = parsed.Flag("commit");
        var node = DicomNode.From(parsed);
        var listen = StorageCommitmentListen.From(parsed, node);
        if (listen is not null && !commit)
        {
            throw new CliUsageException("--listen is for the storage commitment report: use it with --commit");
        }

        if (parsed.Positionals.Count < 3)
        {
            throw new CliUsageException("expected at least one FILE after HOST and PORT");
        }

        var headers = new List<(string Path, string SopClass, DicomTransferSyntax Syntax)>();
        foreach (var path in parsed.Positionals.Skip(2))
        {
            try
            {
                var header = DicomReader.ReadFile(path, DicomReaderOptions.HeaderOnly);
                headers.Add((path, header.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID), header.TransferSyntax));
            }
            catch (Exception ex) when (ex is DicomReadException or DicomDataException or IOException)
            {
                Console.Error.WriteLine($"teleread dicom store: {path}: {ex.Message}");
                return 1;
            }
        }

        var proposals = headers
            .Select(h => (h.SopClass, h.Syntax.Uid, Uncompressed: !h.Syntax.IsEncapsulated && !h.Syntax.IsDeflated))
            .Distinct()
            .Select(p => new DicomPresentationContextProposal(p.SopClass, p.Uncompressed
                ? new[] { p.Uid, DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian }.Distinct().ToArray()
                : [p.Uid]))
            .ToList();
        if (commit)
        {
            proposals.Add(DicomStorageCommitmentRequest.Proposal);
        }

        DicomStorageCommitmentListener? listener = null;
        if (listen is not null && (listener = listen.Start("dicom store", node)) is null)
        {
            return 1;
        }

        await using (listener)
        {
            return await StoreAsync(node, listener, headers, proposals, commit, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> StoreAsync(DicomNode node, DicomStorageCommitmentListener? listener,
        List<(string Path, string SopClass, DicomTransferSyntax Syntax)> headers, List<DicomPresentationContextProposal> proposals, bool commit,
        CancellationToken cancellationToken)
    {
        try
        {
            var scu = await node.OpenAsync(proposals, cancellationToken).ConfigureAwait(false);
            var failures = 0;
            var stored = new Dictionary<string, (DicomSopReference Reference, string Path)>(StringComparer.Ordinal);
            foreach (var (path, sopClass, syntax) in headers)
            {
                var context = scu.Association.PresentationContexts.FirstOrDefault(c => c.IsAccepted && c.AbstractSyntax == sopClass && c.TransferSyntax == syntax.Uid)
                    ?? scu.Association.FindAcceptedContext(sopClass);
                if (context is null)
                {
                    Console.Error.WriteLine($"{path}: {node} accepted no presentation context for {sopClass}");
                    failures++;
                    continue;
                }

                var file = DicomFile.Open(path);
                using var encoded = new MemoryStream();
                DicomWriter.WriteDataset(encoded, file.Dataset, DicomTransferSyntax.Lookup(context.TransferSyntax!));
                encoded.Position = 0;
                var sopInstance = file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID);
                var status = await scu.StoreAsync(sopClass, sopInstance, context.TransferSyntax!, encoded,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"{path}: C-STORE status {status}{(status.IsSuccess ? " (Success)" : status.IsWarning ? " (Warning)" : " (Failure)")}");
                failures += status.IsFailure ? 1 : 0;
                if (!status.IsFailure)
                {
                    stored.TryAdd(sopInstance.Trim(), (new DicomSopReference(sopClass.Trim(), sopInstance.Trim()), path));
                }
            }

            if (commit && stored.Count > 0)
            {
                var result = await scu.RequestStorageCommitmentAsync(DicomStorageCommitmentRequest.For(stored.Values.Select(s => s.Reference)), node.Timeout,
                    listener, cancellationToken).ConfigureAwait(false);
                StorageCommitmentTable.Write(Console.Out, result, stored.ToDictionary(s => s.Key, s => s.Value.Path, StringComparer.Ordinal));
                failures += result.Failed.Count;
            }

            if (scu.Association.State == DicomAssociationState.Established)
            {
                await scu.Association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            }

            return failures == 0 ? 0 : 1;
        }
        catch (Exception ex) when (DicomNetworkErrors.IsExpected(ex, cancellationToken))
        {
            Console.Error.WriteLine($"teleread dicom store: {DicomNetworkErrors.Describe(ex, node)}");
            return 1;
        }
    }
}
