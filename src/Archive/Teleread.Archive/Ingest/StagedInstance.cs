using Teleread.Archive.Index;
using Teleread.Archive.Storage;

namespace Teleread.Archive.Ingest;

/// <summary>An instance read into storage but not yet durable or indexed (<see cref="IngestService.StageAsync"/>), or why it was refused.</summary>
public sealed class StagedInstance
{
    internal StagedInstance(IngestSource source, string? requiredStudyUid, IBlobWrite? write, IngestResult? failure)
    {
        Source = source;
        RequiredStudyUid = requiredStudyUid;
        Write = write;
        Failure = failure;
    }

    internal IngestSource Source { get; }

    internal string? RequiredStudyUid { get; }

    internal IBlobWrite? Write { get; }

    internal IngestResult? Failure { get; }

    /// <summary>The header, when it was read from the captured first bytes (null: read it back after the commit).</summary>
    internal InstanceRecord? Record { get; init; }

    /// <summary>The whole object, when it is small enough to be journaled in the index (<see cref="IngestService"/>).</summary>
    internal byte[]? Journal { get; init; }

    /// <summary>Discards an instance that will not be completed (the request broke): nothing of it is kept.</summary>
    public Task DiscardAsync() => Write is null ? Task.CompletedTask : IngestService.DiscardAsync(Write);
}
