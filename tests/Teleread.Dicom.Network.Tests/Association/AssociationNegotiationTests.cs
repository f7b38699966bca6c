using Teleread.Dicom.Network.Items;
using Teleread.Dicom.Network.Pdus;
using Teleread.Dicom.Network.Tests.Support;

namespace Teleread.Dicom.Network.Tests.Association;

public class AssociationNegotiationTests
{
    private static DicomAssociationRequest Request(params PresentationContextRequestItem[] contexts) => Request(new UserInformationItem { MaximumLength = 16384 }, contexts);

    private static DicomAssociationRequest Request(UserInformationItem userInformation, params PresentationContextRequestItem[] contexts)
        => new(new AssociateRequestPdu { CalledAeTitle = "SCP", CallingAeTitle = "SCU", PresentationContexts = contexts, UserInformation = userInformation }, null, null);

    [Fact]
    public async Task Chooses_the_first_server_preferred_transfer_syntax_the_requestor_proposed()
    {
        var policy = new DicomAssociationPolicy().Accept(TestUids.CtImageStorage, TestUids.JpegLossless, TestUids.ExplicitVrLittleEndian, TestUids.ImplicitVrLittleEndian);

        var result = await policy.NegotiateAsync(Request(
            new PresentationContextRequestItem(1, TestUids.CtImageStorage, [TestUids.ImplicitVrLittleEndian, TestUids.ExplicitVrLittleEndian])));

        var context = Assert.Single(result.PresentationContexts);
        Assert.True(context.IsAccepted);
        Assert.Equal(TestUids.ExplicitVrLittleEndian, context.TransferSyntax);
        Assert.Equal(TestUids.ExplicitVrLittleEndian, Assert.Single(result.Accept!.PresentationContexts).TransferSyntax);
    }

    [Fact]
    public async Task With_requestor_order_preferred_the_first_proposed_syntax_we_accept_wins()
    {
        var policy = new DicomAssociationPolicy().Accept(TestUids.CtImageStorage, TestUids.ExplicitVrLittleEndian, TestUids.JpegLossless, TestUids.ImplicitVrLittleEndian);
        policy.PreferRequestorTransferSyntaxOrder = true;

        var result = await policy.NegotiateAsync(Request(
            new PresentationContextRequestItem(1, TestUids.CtImageStorage, [TestUids.ExplicitVrBigEndian, TestUids.JpegLossless, TestUids.ExplicitVrLittleEndian])));

        Assert.Equal(TestUids.JpegLossless, Assert.Single(result.PresentationContexts).TransferSyntax);
    }

    [Fact]
    public async Task Rejects_unknown_abstract_syntaxes_and_unsupported_transfer_syntaxes_per_context()
    {
        var policy = new DicomAssociationPolicy().Accept(TestUids.Verification, TestUids.ImplicitVrLittleEndian);

        var result = await policy.NegotiateAsync(Request(
            new PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ExplicitVrBigEndian]),
            new PresentationContextRequestItem(3, TestUids.CtImageStorage, [TestUids.ImplicitVrLittleEndian]),
            new PresentationContextRequestItem(5, TestUids.Verification, [TestUids.ImplicitVrLittleEndian]),
            new PresentationContextRequestItem(6, TestUids.Verification, [TestUids.ImplicitVrLittleEndian])));

        Assert.Equal(
            [PresentationContextResult.TransferSyntaxesNotSupported, PresentationContextResult.AbstractSyntaxNotSupported, PresentationContextResult.Acceptance, PresentationContextResult.NoReason],
            result.Accept!.PresentationContexts.Select(p => p.Result));
    }

    [Fact]
    public async Task Any_abstract_syntax_rule_accepts_storage_classes_not_listed()
    {
        var policy = new DicomAssociationPolicy().AcceptAnyAbstractSyntax(TestUids.ExplicitVrLittleEndian);

        var result = await policy.NegotiateAsync(Request(new PresentationContextRequestItem(1, TestUids.CtImageStorage, [TestUids.ExplicitVrLittleEndian])));

        Assert.True(Assert.Single(result.PresentationContexts).IsAccepted);
    }

    [Fact]
    public async Task Request_validator_rejection_becomes_the_reject_pdu()
    {
        var policy = Loopback.VerificationPolicy();
        policy.RequestValidator = (request, _) => ValueTask.FromResult(request.CallingAeTitle == "SCU" ? DicomAssociationRejection.CallingAeTitleNotRecognized : null);

        var result = await policy.NegotiateAsync(Request(new PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ImplicitVrLittleEndian])));

        Assert.Null(result.Accept);
        Assert.Equal(AssociateRejectResult.RejectedPermanent, result.Reject!.Result);
        Assert.Equal(AssociateRejectSource.ServiceUser, result.Reject.Source);
        Assert.Equal(AssociateRejectReason.CallingAeTitleNotRecognized, result.Reject.Reason);
    }

    [Fact]
    public async Task Unsupported_protocol_version_and_application_context_are_rejected()
    {
        var policy = Loopback.VerificationPolicy();
        var contexts = new[] { new PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ImplicitVrLittleEndian]) };

        var version = await policy.NegotiateAsync(new DicomAssociationRequest(
            new AssociateRequestPdu { ProtocolVersion = 2, CalledAeTitle = "A", CallingAeTitle = "B", PresentationContexts = contexts }, null, null));
        var context = await policy.NegotiateAsync(new DicomAssociationRequest(
            new AssociateRequestPdu { ApplicationContextName = "1.2.3", CalledAeTitle = "A", CallingAeTitle = "B", PresentationContexts = contexts }, null, null));

        Assert.Equal((AssociateRejectSource.ServiceProviderAcse, AssociateRejectReason.ProtocolVersionNotSupported), (version.Reject!.Source, version.Reject.Reason));
        Assert.Equal((AssociateRejectSource.ServiceUser, AssociateRejectReason.ApplicationContextNameNotSupported), (context.Reject!.Source, context.Reject.Reason));
    }

    [Fact]
    public async Task Role_selection_grants_only_roles_the_policy_allows()
    {
        var policy = new DicomAssociationPolicy()
            .Accept(TestUids.CtImageStorage, TestUids.ImplicitVrLittleEndian)
            .Accept(TestUids.Verification, TestUids.ImplicitVrLittleEndian)
            .AllowRoles(TestUids.CtImageStorage, scu: false, scp: true);
        var info = new UserInformationItem
        {
            MaximumLength = 0,
            RoleSelections = [new RoleSelectionSubItem(TestUids.CtImageStorage, true, true), new RoleSelectionSubItem(TestUids.Verification, true, true)],
        };

        var result = await policy.NegotiateAsync(Request(info,
            new PresentationContextRequestItem(1, TestUids.CtImageStorage, [TestUids.ImplicitVrLittleEndian]),
            new PresentationContextRequestItem(3, TestUids.Verification, [TestUids.ImplicitVrLittleEndian])));

        Assert.Equal(
            [new RoleSelectionSubItem(TestUids.CtImageStorage, false, true), new RoleSelectionSubItem(TestUids.Verification, true, false)],
            result.Accept!.UserInformation.RoleSelections);
        Assert.Equal((false, true), (result.PresentationContexts[0].RequestorScuRole, result.PresentationContexts[0].RequestorScpRole));
    }

    [Fact]
    public async Task Asynchronous_window_is_answered_only_when_both_sides_support_it()
    {
        var info = new UserInformationItem { AsynchronousOperationsWindow = new AsynchronousOperationsWindowSubItem(10, 0) };
        var context = new PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ImplicitVrLittleEndian]);
        var synchronous = Loopback.VerificationPolicy();
        var asynchronous = Loopback.VerificationPolicy();
        asynchronous.AsynchronousOperationsWindow = new AsynchronousOperationsWindowSubItem(4, 8);

        var none = await synchronous.NegotiateAsync(Request(info, context));
        var some = await asynchronous.NegotiateAsync(Request(info, context));

        Assert.Null(none.Accept!.UserInformation.AsynchronousOperationsWindow);
        // We invoke at most 4 (the requestor performs unlimited) and perform at most 8 of its 10.
        Assert.Equal(new AsynchronousOperationsWindowSubItem(4, 8), some.Accept!.UserInformation.AsynchronousOperationsWindow);
    }

    [Fact]
    public async Task User_identity_is_validated_and_answered_when_a_response_is_requested()
    {
        var policy = Loopback.VerificationPolicy();
        policy.UserIdentityValidator = (_, identity, _) => ValueTask.FromResult(
            identity.PrimaryFieldText == "alice" && identity.SecondaryFieldText == "pw"
                ? DicomUserIdentityResult.AcceptedWithResponse("ok"u8.ToArray())
                : DicomUserIdentityResult.Rejected);
        var context = new PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ImplicitVrLittleEndian]);

        var good = await policy.NegotiateAsync(Request(new UserInformationItem { UserIdentityRequest = UserIdentityRequestSubItem.ForUsername("alice", "pw") }, context));
        var bad = await policy.NegotiateAsync(Request(new UserInformationItem { UserIdentityRequest = UserIdentityRequestSubItem.ForUsername("alice", "nope") }, context));

        Assert.Equal("ok"u8.ToArray(), good.Accept!.UserInformation.UserIdentityAccept!.ServerResponse.ToArray());
        Assert.Equal((AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, AssociateRejectReason.UserNoReasonGiven),
            (bad.Reject!.Result, bad.Reject.Source, bad.Reject.Reason));
    }

    [Fact]
    public async Task Missing_identity_is_rejected_when_required()
    {
        var policy = Loopback.VerificationPolicy();
        policy.RequireUserIdentity = true;

        var result = await policy.NegotiateAsync(Request(new PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ImplicitVrLittleEndian])));

        Assert.NotNull(result.Reject);
    }

    [Fact]
    public async Task Accept_announces_our_maximum_length_and_implementation()
    {
        var policy = Loopback.VerificationPolicy();
        policy.MaximumPduLength = 32768;

        var result = await policy.NegotiateAsync(Request(new PresentationContextRequestItem(1, TestUids.Verification, [TestUids.ImplicitVrLittleEndian])));

        Assert.Equal(32768u, result.Accept!.UserInformation.MaximumLength);
        Assert.Equal(DicomImplementation.ClassUid, result.Accept.UserInformation.ImplementationClassUid);
        Assert.Equal("SCU", result.Accept.CallingAeTitle);
    }
}
