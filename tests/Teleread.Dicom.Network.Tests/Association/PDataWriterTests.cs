using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Tests.Association;

public class PDataWriterTests
{
    [Theory]
    [InlineData(16384, 0)]
    [InlineData(16384, 1)]
    [InlineData(16384, 16378)]
    [InlineData(16384, 16379)]
    [InlineData(4096, 100_000)]
    [InlineData(7, 5)]
    public async Task Fragments_never_exceed_the_peer_maximum_and_reassemble_exactly(int maximumPduLength, int dataSetLength)
    {
        var command = Enumerable.Range(0, 90).Select(i => (byte)i).ToArray();
        var dataSet = Enumerable.Range(0, dataSetLength).Select(i => (byte)(i * 7)).ToArray();
        var wire = new MemoryStream();

        await new PDataWriter(wire, maximumPduLength).WriteMessageAsync(3, command, new MemoryStream(dataSet), CancellationToken.None);

        wire.Position = 0;
        var reader = new PduReader(wire, maximumPduLength);
        var commandBytes = new List<byte>();
        var dataBytes = new List<byte>();
        var lastFlags = new List<(bool IsCommand, bool IsLast)>();
        while (await reader.ReadAsync() is DataTransferPdu pdu)
        {
            Assert.True(pdu.BodyLength <= maximumPduLength);
            var value = Assert.Single(pdu.Values);
            Assert.Equal(3, value.PresentationContextId);
            (value.IsCommand ? commandBytes : dataBytes).AddRange(value.Data.ToArray());
            lastFlags.Add((value.IsCommand, value.IsLastFragment));
            pdu.Dispose();
        }

        Assert.Equal(command, commandBytes);
        Assert.Equal(dataSet, dataBytes);
        Assert.Equal(1, lastFlags.Count(f => f is { IsCommand: true, IsLast: true }));
        Assert.Equal(1, lastFlags.Count(f => f is { IsCommand: false, IsLast: true }));
        Assert.Equal((false, true), lastFlags[^1]);
    }
}
