namespace Teleread.Dicom.IO;

/// <summary>What reading a file found besides the data set itself. Offsets are in the input (of the inflated data set when deflated); DatasetOffset is where the data set starts.</summary>
public sealed record DicomReadResult(
    byte[]? Preamble,
    DicomDataset FileMetaInformation,
    DicomTransferSyntax TransferSyntax,
    DicomTag? StoppedAt,
    long StoppedAtOffset,
    long DatasetOffset,
    IReadOnlyList<string> Warnings);
