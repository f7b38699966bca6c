using System.Text;
using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Tests.Support;

/// <summary>One of every PDU type, each using every optional field, for round trips and fuzzing.</summary>
internal static class SamplePdus
{
    public static AssociateRequestPdu FullRequest() => new()
    {
        CalledAeTitle = "ARCHIVE",
        CallingAeTitle = "MODALITY_01",
        PresentationContexts =
        [
            new PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ImplicitVrLittleEndian]),
            new PresentationContextRequestItem(3, TestUids.CtImageStorage, [TestUids.JpegLossless, TestUids.ExplicitVrLittleEndian, TestUids.ImplicitVrLittleEndian]),
        ],
        UserInformation = new UserInformationItem
        {
            MaximumLength = 16384,
            ImplementationClassUid = "1.2.3.4.5",
            ImplementationVersionName = "TEST_1",
            AsynchronousOperationsWindow = new AsynchronousOperationsWindowSubItem(5, 3),
            RoleSelections = [new RoleSelectionSubItem(TestUids.CtImageStorage, true, true)],
            SopClassExtendedNegotiations = [new SopClassExtendedNegotiationSubItem(TestUids.CtImageStorage, new byte[] { 1, 0, 1 })],
            SopClassCommonExtendedNegotiations = [new SopClassCommonExtendedNegotiationSubItem(TestUids.CtImageStorage, "1.2.840.10008.4.2", new byte[] { 0, 3, 0x31, 0x2E, 0x32 })],
            UserIdentityRequest = UserIdentityRequestSubItem.ForUsername("radiologist", "s3cret"),
        },
    };

    public static AssociateAcceptPdu FullAccept() => new()
    {
        CalledAeTitle = "ARCHIVE",
        CallingAeTitle = "MODALITY_01",
        PresentationContexts =
        [
            new PresentationContextAcceptItem(1, PresentationContextResult.Acceptance, TestUids.ImplicitVrLittleEndian),
            new PresentationContextAcceptItem(3, PresentationContextResult.TransferSyntaxesNotSupported, null),
        ],
        UserInformation = new UserInformationItem
        {
            MaximumLength = 65536,
            ImplementationClassUid = "1.2.3.4.6",
            ImplementationVersionName = "TEST_2",
            AsynchronousOperationsWindow = new AsynchronousOperationsWindowSubItem(1, 1),
            RoleSelections = [new RoleSelectionSubItem(TestUids.CtImageStorage, false, true)],
            UserIdentityAccept = new UserIdentityAcceptSubItem(Encoding.ASCII.GetBytes("ticket")),
        },
    };

    public static DataTransferPdu Data() => new(
    [
        new PresentationDataValue(1, true, true, EchoCommands.Request(7)),
        new PresentationDataValue(3, false, false, new byte[] { 1, 2, 3, 4, 5 }),
    ]);

    public static IEnumerable<Pdu> All()
    {
        yield return FullRequest();
        yield return FullAccept();
        yield return new AssociateRejectPdu(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, AssociateRejectReason.CallingAeTitleNotRecognized);
        yield return Data();
        yield return ReleaseRequestPdu.Instance;
        yield return ReleaseResponsePdu.Instance;
        yield return new AbortPdu(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue);
    }
}
