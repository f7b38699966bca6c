namespace Teleread.Cli.Commands;

/// <summary>`teleread dicom send`: the earlier name of <see cref="DicomStoreCommand"/>, kept as an alias.</summary>
public sealed class DicomSendCommand : ICliCommand
{
    private readonly DicomStoreCommand _store = new();

    public IReadOnlyList<string> Path => ["dicom", "send"];

    public string Summary => "Alias of `dicom store`";

    public string Usage => _store.Usage.Replace("dicom store", "dicom send", StringComparison.Ordinal);

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) => _store.RunAsync(args, cancellationToken);
}
