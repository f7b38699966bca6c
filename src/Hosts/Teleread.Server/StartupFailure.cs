using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Teleread.Dicom.Network;

namespace Teleread.Server;

/// <summary>A failure to start that the operator can fix (a port taken), said in one line with what to do, instead of a stack trace.</summary>
public static class StartupFailure
{
    /// <summary>The sentence for <paramref name="exception"/>, or null when it is not such a failure.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        DicomListenException dicom => dicom.SocketError == SocketError.AddressAlreadyInUse
            ? $"{dicom.Message} Is another Teleread (or a PACS) running? Stop it, or choose another port with --dicom-port."
            : dicom.Message,
        IOException { InnerException: AddressInUseException } http =>
            $"{http.Message} Is another Teleread running? Stop it, or choose another address with --urls.",
        AggregateException aggregate => aggregate.InnerExceptions.Select(Describe).FirstOrDefault(d => d is not null),
        _ => null,
    };
}
