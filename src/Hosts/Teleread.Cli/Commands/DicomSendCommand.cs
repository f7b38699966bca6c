using System.Globalization;
using Teleread.Dicom;
using Teleread.Dicom.IO;
using Teleread.Dicom.Network;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom send HOST PORT FILE...`: C-STORE files to a DICOM node (like storescu).</summary>
public sealed class DicomSendCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "send"];

    public string Summary => "Send DICOM files to a node with C-STORE (like storescu)";

    public string Usage => """
        usage: teleread dicom send HOST PORT FILE... [--aet AE] [--aec AE]
          --aet AE   our (calling) AE title (default TELEREAD)
          --aec AE   the called AE title (default ANY-SCP)
        Each file is proposed in its own transfer syntax; uncompressed files also in explicit and
        implicit VR little endian, and converted to whichever the node accepted.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(args, []);
        if (parsed.Positionals.Count < 3 || !int.TryParse(parsed.Positionals[1], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new CliUsageException("expected HOST, a numeric PORT and at least one FILE");
        }

        var files = parsed.Positionals.Skip(2).ToList();
        var headers = new List<(string Path, string SopClass, DicomTransferSyntax Syntax)>();
        foreach (var path in files)
        {
            try
            {
                var header = DicomReader.ReadFile(path, DicomReaderOptions.HeaderOnly);
                headers.Add((path, header.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID), header.TransferSyntax));
            }
            catch (Exception ex) when (ex is DicomReadException or DicomDataException or IOException)
            {
                Console.Error.WriteLine($"teleread dicom send: {path}: {ex.Message}");
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
        var client = new DicomClient(new DicomClientOptions
        {
            CallingAeTitle = parsed.Option("aet") ?? "TELEREAD",
            CalledAeTitle = parsed.Option("aec") ?? "ANY-SCP",
        });
        try
        {
            var scu = new DicomScu(await client.OpenAssociationAsync(parsed.Positionals[0], port, proposals, cancellationToken).ConfigureAwait(false));
            var failures = 0;
            foreach (var (path, sopClass, syntax) in headers)
            {
                var context = scu.Association.PresentationContexts.FirstOrDefault(c => c.IsAccepted && c.AbstractSyntax == sopClass && c.TransferSyntax == syntax.Uid)
                    ?? scu.Association.FindAcceptedContext(sopClass);
                if (context is null)
                {
                    Console.Error.WriteLine($"{path}: the node accepted no presentation context for {sopClass}");
                    failures++;
                    continue;
                }

                var file = DicomFile.Open(path);
                using var encoded = new MemoryStream();
                DicomWriter.WriteDataset(encoded, file.Dataset, DicomTransferSyntax.Lookup(context.TransferSyntax!));
                encoded.Position = 0;
                var status = await scu.StoreAsync(sopClass, file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPInstanceUID), context.TransferSyntax!, encoded,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                Console.WriteLine($"{path}: C-STORE status {status}{(status.IsSuccess ? " (Success)" : "")}");
                failures += status.IsFailure ? 1 : 0;
            }

            await scu.Association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            return failures == 0 ? 0 : 1;
        }
        catch (Exception ex) when (ex is DicomAssociationRejectedException or DicomAssociationAbortedException or DicomNetworkProtocolException
            or System.Net.Sockets.SocketException or TimeoutException or DicomDataException)
        {
            Console.Error.WriteLine($"teleread dicom send: {ex.Message}");
            return 1;
        }
    }
}
