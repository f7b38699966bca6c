using Teleread.Cli.Dimse;
using Teleread.Dicom;
using Teleread.Dicom.Network;

namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom move HOST PORT --dest AE -k KEY=VALUE...`: ask a node to send matches to an AE with C-MOVE (like movescu).</summary>
public sealed class DicomMoveCommand : ICliCommand
{
    public IReadOnlyList<string> Path => ["dicom", "move"];

    public string Summary => "Ask a node to send studies/series/images to an AE with C-MOVE (like movescu)";

    public string Usage => """
        usage: teleread dicom move HOST PORT --dest AE [--level L] [--root R] [-k KEY=VALUE]... [--aet AE] [--aec AE] [--timeout S]
          --dest AE      the move destination: an AE title the node knows how to reach
        """ + "\n" + DicomQueryIdentifier.OptionsUsage + DicomNode.OptionsUsage + """
        Give the unique keys of the level and above, e.g. --level SERIES -k StudyInstanceUID=1.2.3 -k SeriesInstanceUID=1.2.3.4.
        Prints the sub-operation counts; exit code 1 when the move fails or any sub-operation failed.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(DicomQueryIdentifier.RewriteShortKeys(args), []);
        var node = DicomNode.From(parsed);
        var destination = parsed.Option("dest") ?? throw new CliUsageException("--dest AE is required");
        if (parsed.Positionals.Count != 2)
        {
            throw new CliUsageException("expected only HOST and PORT as positionals (keys go with -k)");
        }

        var query = DicomQueryIdentifier.From(parsed, withDefaultReturnKeys: false);
        try
        {
            var scu = await node.OpenAsync(
                [new DicomPresentationContextProposal(query.MoveSopClass, DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian)], cancellationToken).ConfigureAwait(false);
            if (scu.Association.FindAcceptedContext(query.MoveSopClass) is null)
            {
                await scu.Association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
                Console.Error.WriteLine($"teleread dicom move: {node} does not accept {(query.PatientRoot ? "Patient" : "Study")} Root C-MOVE");
                return 1;
            }

            DicomOperationProgress? last = null;
            await foreach (var progress in scu.MoveAsync(query.MoveSopClass, destination, query.Dataset, cancellationToken).ConfigureAwait(false))
            {
                last = progress;
                if (progress.Status.IsPending)
                {
                    Console.WriteLine($"pending: {Counts(progress.Counts)}");
                }
            }

            await scu.Association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            var status = last!.Status;
            Console.WriteLine($"C-MOVE status {status} ({(status.IsSuccess ? "Success" : status.IsWarning ? "Warning" : status.IsCancel ? "Cancel" : "Failure")}): {Counts(last.Counts)}");
            return status.IsSuccess || (status.IsWarning && last.Counts.Failed is null or 0) ? 0 : 1;
        }
        catch (Exception ex) when (DicomNetworkErrors.IsExpected(ex, cancellationToken))
        {
            Console.Error.WriteLine($"teleread dicom move: {DicomNetworkErrors.Describe(ex, node)}");
            return 1;
        }
    }

    private static string Counts(DicomSubOperations c) =>
        $"completed {c.Completed ?? 0}, failed {c.Failed ?? 0}, warning {c.Warning ?? 0}{(c.Remaining is { } r ? $", remaining {r}" : "")}";
}
