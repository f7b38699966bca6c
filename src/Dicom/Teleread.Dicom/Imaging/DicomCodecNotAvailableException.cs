namespace Teleread.Dicom.Imaging;

/// <summary>The pixel data is compressed with a transfer syntax this library has no codec for (only RLE Lossless is built in).</summary>
public sealed class DicomCodecNotAvailableException(DicomTransferSyntax transferSyntax, string operation)
    : DicomImagingException($"No codec for {transferSyntax.Name} ({transferSyntax.Uid}) is available to {operation}; only RLE Lossless and uncompressed pixel data are handled.")
{
    public DicomTransferSyntax TransferSyntax { get; } = transferSyntax;
}
