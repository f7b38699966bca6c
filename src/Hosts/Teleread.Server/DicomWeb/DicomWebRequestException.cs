namespace Teleread.Server.DicomWeb;

/// <summary>A DICOMweb request the server will not carry out, with the HTTP status PS3.18 gives for it (400, 404, 406, 415).</summary>
public sealed class DicomWebRequestException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public static DicomWebRequestException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static DicomWebRequestException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static DicomWebRequestException NotAcceptable(string message) => new(StatusCodes.Status406NotAcceptable, message);
}
