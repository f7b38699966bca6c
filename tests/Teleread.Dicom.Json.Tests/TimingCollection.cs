namespace Teleread.Dicom.Json.Tests;

/// <summary>Tests that time something run alone, not beside the corpus theories.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;
