using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Dimse;

public class DicomCommandTests
{
    [Fact]
    public void Echo_request_encodes_exactly_as_hand_built_from_ps3_7()
    {
        Assert.Equal(EchoCommands.Request(9), DicomCommand.CEchoRequest(9).Encode());
    }

    [Fact]
    public void Store_request_encodes_exactly_as_hand_built_from_ps3_7()
    {
        Assert.Equal(StoreCommands.Request(3, TestUids.CtImageStorage, "1.2.3.4"), DicomCommand.CStoreRequest(3, TestUids.CtImageStorage, "1.2.3.4").Encode());
    }

    [Fact]
    public void Response_echoes_the_request_and_sets_the_response_field()
    {
        var request = DicomCommand.CStoreRequest(5, TestUids.CtImageStorage, "1.2.3.4");

        var response = DicomCommand.Decode(DicomCommand.ResponseTo(request, DicomStatus.Success).Encode());

        Assert.Equal(DicomCommandField.CStoreResponse, response.CommandField);
        Assert.Equal(5, response.MessageIdBeingRespondedTo);
        Assert.Equal("1.2.3.4", response.AffectedSopInstanceUid);
        Assert.Equal(TestUids.CtImageStorage, response.AffectedSopClassUid);
        Assert.False(response.HasDataSet);
        Assert.True(response.Status.IsSuccess);
        Assert.True(response.IsResponse);
    }

    [Fact]
    public void Move_request_and_progress_counts_round_trip()
    {
        var request = DicomCommand.CMoveRequest(8, "1.2.840.10008.5.1.4.1.2.2.2", "DEST_AE", DicomPriority.High);
        var response = DicomCommand.ResponseTo(request, DicomStatus.Pending);
        response.SubOperations = new DicomSubOperations(3, 2, 1, 0);

        var decodedRequest = DicomCommand.Decode(request.Encode());
        var decodedResponse = DicomCommand.Decode(response.Encode());

        Assert.Equal("DEST_AE", decodedRequest.MoveDestination);
        Assert.Equal(DicomPriority.High, decodedRequest.Priority);
        Assert.True(decodedRequest.HasDataSet);
        Assert.Equal(new DicomSubOperations(3, 2, 1, 0), decodedResponse.SubOperations);
        Assert.True(decodedResponse.Status.IsPending);
    }

    [Fact]
    public void Cancel_and_n_action_requests_carry_their_identifiers()
    {
        var cancel = DicomCommand.Decode(DicomCommand.CCancelRequest(12).Encode());
        var action = DicomCommand.Decode(DicomCommand.NActionRequest(4, "1.2.840.10008.1.20.1", "1.2.840.10008.1.20.1.1", 1, hasDataSet: true).Encode());

        Assert.Equal(DicomCommandField.CCancelRequest, cancel.CommandField);
        Assert.Equal(12, cancel.MessageIdBeingRespondedTo);
        Assert.Equal("1.2.840.10008.1.20.1", action.RequestedSopClassUid);
        Assert.Equal("1.2.840.10008.1.20.1.1", action.RequestedSopInstanceUid);
        Assert.Equal((ushort)1, action.ActionTypeId);
    }

    [Theory]
    [InlineData("00000000040000000400")]
    [InlineData("0000000004000000FFFFFFFF")]
    [InlineData("0800100004000000FFFF0000")]
    public void Malformed_command_set_is_a_protocol_error(string hex)
    {
        var exception = Assert.Throws<DicomNetworkProtocolException>(() => DicomCommand.Decode(Convert.FromHexString(hex)));

        Assert.Equal("P-DATA-TF Command", exception.Field);
        Assert.Equal(AbortReason.InvalidPduParameterValue, exception.AbortReason);
    }

    [Theory]
    [InlineData(0x0000, true, false, false, false)]
    [InlineData(0xFF00, false, true, false, false)]
    [InlineData(0xFE00, false, false, true, false)]
    [InlineData(0xB000, false, false, false, true)]
    [InlineData(0xA700, false, false, false, false)]
    public void Status_categories_follow_ps3_7_annex_c(ushort code, bool success, bool pending, bool cancel, bool warning)
    {
        var status = new DicomStatus(code);

        Assert.Equal((success, pending, cancel, warning, !success && !pending && !cancel && !warning),
            (status.IsSuccess, status.IsPending, status.IsCancel, status.IsWarning, status.IsFailure));
    }
}
