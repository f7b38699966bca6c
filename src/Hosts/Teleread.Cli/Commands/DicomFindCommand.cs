using Teleread.Cli.Dimse;
using Teleread.Dicom;
using Teleread.Dicom.Json;
using Teleread.Dicom.Network;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom find HOST PORT -k KEY=VALUE...`: query a node with C-FIND (like findscu).</summary>
public sealed class DicomFindCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "find"];

    public string Summary => "Query a node with C-FIND (like findscu): a table or DICOM JSON";

    public string Usage => """
        usage: teleread dicom find HOST PORT [--level L] [--root R] [-k KEY[=VALUE]]... [--json] [--aet AE] [--aec AE] [--timeout S]
        """ + "\n" + DicomQueryIdentifier.OptionsUsage + DicomNode.OptionsUsage + """
          --json         print the matches as a DICOM JSON array (PS3.18 Annex F) instead of a table
        The level's usual return keys are always asked for. Exit code 1 when the query fails.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(DicomQueryIdentifier.RewriteShortKeys(args), ["json"]);
        var node = DicomNode.From(parsed);
        if (parsed.Positionals.Count != 2)
        {
            throw new CliUsageException("expected only HOST and PORT as positionals (keys go with -k)");
        }

        var query = DicomQueryIdentifier.From(parsed, withDefaultReturnKeys: true);
        var matches = new List<DicomDataset>();
        try
        {
            var scu = await node.OpenAsync(
                [new DicomPresentationContextProposal(query.FindSopClass, DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian)], cancellationToken).ConfigureAwait(false);
            if (scu.Association.FindAcceptedContext(query.FindSopClass) is null)
            {
                await scu.Association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
                Console.Error.WriteLine($"teleread dicom find: {node} does not accept {(query.PatientRoot ? "Patient" : "Study")} Root C-FIND");
                return 1;
            }

            await foreach (var match in scu.FindAsync(query.FindSopClass, query.Dataset, cancellationToken).ConfigureAwait(false))
            {
                matches.Add(match);
            }

            await scu.Association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (DicomNetworkErrors.IsExpected(ex, cancellationToken))
        {
            Console.Error.WriteLine($"teleread dicom find: {DicomNetworkErrors.Describe(ex, node)}");
            return 1;
        }

        if (parsed.Flag("json"))
        {
            using var stdout = Console.OpenStandardOutput();
            DicomJsonWriter.WriteArray(stdout, matches);
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            DicomResultTable.Write(Console.Out, query.Columns, matches);
        }

        return 0;
    }
}
