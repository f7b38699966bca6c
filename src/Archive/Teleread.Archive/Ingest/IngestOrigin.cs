namespace Teleread.Archive.Ingest;

/// <summary>How an instance arrived (Orthanc's DicomInstanceOrigin): kept on every indexed instance.</summary>
public enum IngestOrigin
{
    Dimse,
    Stow,
    Gateway,
    Upload,
    Demo,
}
