using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Tests.Pdus;

/// <summary>Bytes captured from DCMTK 3.6.7 and written out from the PS3.8 tables.</summary>
public class GoldenPduTests
{
    /// <summary>
    /// What `echoscu -aet ECHOSCU -aec ANY-SCP` (DCMTK 3.6.7) sent to a raw TCP listener: one
    /// Verification context, implicit VR little endian, Maximum Length 16384.
    /// </summary>
    private const string EchoscuAssociateRequest =
        "0100000000cd00010000414e592d5343502020202020202020204543484f53435520202020202020202000000000000000"
        + "0000000000000000000000000000000000000000000000000010000015312e322e3834302e31303030382e332e312e312e"
        + "312000002e0100ff0030000011312e322e3834302e31303030382e312e3140000011312e322e3834302e31303030382e31"
        + "2e325000003a51000004000040005200001b312e322e3237362e302e373233303031302e332e302e332e362e3755000"
        + "00f4f464649535f44434d544b5f333637";

    [Fact]
    public async Task Reads_the_association_request_echoscu_sends()
    {
        var bytes = Convert.FromHexString(EchoscuAssociateRequest);

        var rq = (AssociateRequestPdu)await PduRoundTripTests.ReadSingleAsync(bytes);

        Assert.Equal(1, rq.ProtocolVersion);
        Assert.Equal("ANY-SCP", rq.CalledAeTitle);
        Assert.Equal("ECHOSCU", rq.CallingAeTitle);
        Assert.Equal("1.2.840.10008.3.1.1.1", rq.ApplicationContextName);
        var context = Assert.Single(rq.PresentationContexts);
        Assert.Equal(1, context.PresentationContextId);
        Assert.Equal("1.2.840.10008.1.1", context.AbstractSyntax);
        Assert.Equal(["1.2.840.10008.1.2"], context.TransferSyntaxes);
        Assert.Equal(16384u, rq.UserInformation.MaximumLength);
        Assert.Equal("1.2.276.0.7230010.3.0.3.6.7", rq.UserInformation.ImplementationClassUid);
        Assert.Equal("OFFIS_DCMTK_367", rq.UserInformation.ImplementationVersionName);
    }

    [Fact]
    public async Task Re_encodes_the_echoscu_request_byte_for_byte_except_a_reserved_field()
    {
        var bytes = Convert.FromHexString(EchoscuAssociateRequest);
        var rq = await PduRoundTripTests.ReadSingleAsync(bytes);

        // DCMTK sends FFH in the second reserved byte of the presentation context item (offset 0x69);
        // PS3.8 Table 9-13 says reserved fields are sent as 00H and not tested on receipt.
        Assert.Equal(0xFF, bytes[0x69]);
        bytes[0x69] = 0;
        Assert.Equal(bytes, rq.ToArray());
    }

    [Fact]
    public void Writes_abort_release_and_reject_as_the_tables_lay_them_out()
    {
        Assert.Equal(Convert.FromHexString("070000000004" + "0000" + "02" + "06"),
            new AbortPdu(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue).ToArray());
        Assert.Equal(Convert.FromHexString("050000000004" + "00000000"), ReleaseRequestPdu.Instance.ToArray());
        Assert.Equal(Convert.FromHexString("060000000004" + "00000000"), ReleaseResponsePdu.Instance.ToArray());
        Assert.Equal(Convert.FromHexString("030000000004" + "00" + "01" + "01" + "03"),
            new AssociateRejectPdu(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, AssociateRejectReason.CallingAeTitleNotRecognized).ToArray());
    }

    [Fact]
    public void Writes_a_presentation_data_value_with_item_length_context_and_control_header()
    {
        var pdu = new DataTransferPdu([new PresentationDataValue(5, IsCommand: true, IsLastFragment: false, new byte[] { 0xAA, 0xBB })]);

        // PDU-length 8 = one PDV item: Item-length 4 (context ID + header + 2 data bytes).
        Assert.Equal(Convert.FromHexString("040000000008" + "00000004" + "05" + "01" + "AABB"), pdu.ToArray());
    }

    [Fact]
    public void Writes_user_identity_and_role_selection_sub_items_as_ps3_7_lays_them_out()
    {
        var info = new UserInformationItem
        {
            RoleSelections = [new RoleSelectionSubItem("1.2", false, true)],
            UserIdentityRequest = new UserIdentityRequestSubItem(UserIdentityType.Username, true, "ab"u8.ToArray(), ReadOnlyMemory<byte>.Empty),
        };
        var buffer = new byte[info.Length];
        var writer = new PduSpanWriter(buffer);
        info.Write(ref writer);

        Assert.Equal(Convert.FromHexString(
            "50000017"
            + "54000007" + "0003" + "312e32" + "00" + "01"
            + "58000008" + "01" + "01" + "0002" + "6162" + "0000"), buffer);
    }
}
