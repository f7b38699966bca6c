using System.Net;
using System.Net.Sockets;

namespace Teleread.Dicom.Network;

/// <summary>A <see cref="DicomServer"/> could not listen on its address (the port is taken, or a privileged port without the right).</summary>
public sealed class DicomListenException(IPEndPoint endPoint, SocketException inner)
    : IOException(Describe(endPoint, inner.SocketErrorCode), inner)
{
    public IPEndPoint EndPoint { get; } = endPoint;

    public SocketError SocketError { get; } = inner.SocketErrorCode;

    private static string Describe(IPEndPoint endPoint, SocketError error) => error switch
    {
        SocketError.AddressAlreadyInUse => $"Cannot listen for DICOM on {endPoint}: the port is already in use by another program.",
        SocketError.AccessDenied => $"Cannot listen for DICOM on {endPoint}: not allowed (a port below 1024 needs the right to bind it).",
        SocketError.AddressNotAvailable => $"Cannot listen for DICOM on {endPoint}: this machine has no such address.",
        _ => $"Cannot listen for DICOM on {endPoint}: {error}.",
    };
}
