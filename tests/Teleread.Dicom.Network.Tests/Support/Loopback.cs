using System.Net;
using System.Net.Sockets;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Tests.Support;

/// <summary>Servers on 127.0.0.1 port 0, clients for them, and a C-ECHO handler built from <see cref="EchoCommands"/>.</summary>
internal static class Loopback
{
    public static DicomAssociationPolicy VerificationPolicy() => new DicomAssociationPolicy()
        .Accept(TestUids.Verification, TestUids.ExplicitVrLittleEndian, TestUids.ImplicitVrLittleEndian);

    public static DicomServer StartServer(DicomAssociationPolicy policy, Func<DicomAssociation, CancellationToken, Task>? handler = null, DicomServerOptions? options = null)
    {
        var server = new DicomServer((options ?? new DicomServerOptions()) with { BindAddress = IPAddress.Loopback, Port = 0 }, policy, handler ?? EchoHandlerAsync);
        server.Start();
        return server;
    }

    public static DicomClientOptions ClientOptions(string callingAe = "TEST_SCU", string calledAe = "TEST_SCP") => new()
    {
        CallingAeTitle = callingAe,
        CalledAeTitle = calledAe,
        Timeouts = new DicomAssociationTimeouts { Artim = TimeSpan.FromSeconds(10), Idle = TimeSpan.FromSeconds(20) },
    };

    public static Task<DicomAssociation> OpenAsync(DicomServer server, DicomClientOptions? options = null, params DicomPresentationContextProposal[] proposals)
        => new DicomClient(options ?? ClientOptions()).OpenAssociationAsync("127.0.0.1", server.LocalEndPoint.Port,
            proposals.Length == 0 ? [new DicomPresentationContextProposal(TestUids.Verification, TestUids.ImplicitVrLittleEndian)] : proposals);

    public static async Task EchoHandlerAsync(DicomAssociation association, CancellationToken cancellationToken)
    {
        while (await association.ReceiveMessageAsync(cancellationToken) is { } message)
        {
            var messageId = EchoCommands.ReadUInt16(message.Command.Span, 0x0110);
            await association.SendMessageAsync(message.PresentationContext.Id, EchoCommands.Response(messageId), null, cancellationToken);
        }
    }

    /// <summary>Sends C-ECHO-RQ and returns the status of the C-ECHO-RSP.</summary>
    public static async Task<ushort> EchoAsync(DicomAssociation association, ushort messageId = 1)
    {
        var context = association.FindAcceptedContext(TestUids.Verification) ?? throw new InvalidOperationException("Verification was not accepted.");
        await association.SendMessageAsync(context.Id, EchoCommands.Request(messageId));
        var response = await association.ReceiveMessageAsync() ?? throw new InvalidOperationException("Released instead of answering.");
        Assert.Equal(EchoCommands.CEchoRsp, EchoCommands.ReadUInt16(response.Command.Span, 0x0100));
        Assert.Equal(messageId, EchoCommands.ReadUInt16(response.Command.Span, 0x0120));
        return EchoCommands.ReadUInt16(response.Command.Span, 0x0900);
    }

    /// <summary>A raw TCP peer that writes arbitrary bytes and reads PDUs back.</summary>
    public static async Task<(Socket Socket, NetworkStream Stream, PduReader Reader)> ConnectRawAsync(DicomServer server)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, server.LocalEndPoint.Port);
        var stream = new NetworkStream(socket, ownsSocket: true);
        return (socket, stream, new PduReader(stream, 1024 * 1024));
    }

    public static async Task<Pdu?> ReadWithinAsync(PduReader reader, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await reader.ReadAsync(cts.Token);
    }
}
