using Teleread.Dicom.IO;

namespace Teleread.Dicom.Network;

/// <summary>Identifiers and N-service data sets: small data sets read whole, unlike C-STORE instances which stream.</summary>
internal static class DimseDataSets
{
    /// <summary>Identifiers larger than this are refused rather than buffered.</summary>
    public const int MaximumSmallDataSetLength = 16 * 1024 * 1024;

    public static MemoryStream Encode(DicomDataset dataset, DicomTransferSyntax syntax)
    {
        var stream = new MemoryStream();
        DicomWriter.WriteDataset(stream, dataset, syntax);
        stream.Position = 0;
        return stream;
    }

    public static async ValueTask<DicomDataset> ReadAsync(Stream dataSet, DicomTransferSyntax syntax, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await dataSet.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaximumSmallDataSetLength)
            {
                throw new DicomNetworkProtocolException("P-DATA-TF Data Set", $"an identifier or N-service data set exceeds {MaximumSmallDataSetLength} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        try
        {
            return DicomReader.ReadDataset(buffer, syntax);
        }
        catch (Exception exception) when (exception is DicomReadException or DicomDataException)
        {
            throw new DicomNetworkProtocolException("P-DATA-TF Data Set", $"the data set cannot be decoded: {exception.Message}", exception);
        }
    }
}
