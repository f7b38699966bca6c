namespace Teleread.Archive.Ingest;

/// <summary>The C-STORE status codes ingest answers with (PS3.4 Table B.2-1, PS3.18 Table 10.5.3-2 failure reasons).</summary>
public static class IngestStatus
{
    public const ushort Success = 0x0000;
    public const ushort OutOfResources = 0xA700;
    public const ushort DataSetDoesNotMatchSopClass = 0xA900;
    public const ushort CannotUnderstand = 0xC000;
    public const ushort ProcessingFailure = 0x0110;

    /// <summary>
    /// The instance conflicts with what is stored (another patient for the study, or different bytes under a stored
    /// SOP Instance UID): a "cannot understand" class failure, so a sender does not retry as it would for 0xA7xx.
    /// </summary>
    public const ushort Conflict = 0xC001;
}
