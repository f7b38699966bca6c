using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Server.Configuration;

namespace Teleread.Server.Dimse;

/// <summary>
/// What the DICOM port accepts: calls to our AE title from AE titles that belong to a clinic, every SOP class in
/// any transfer syntax the core knows, the sender's first proposed one winning (so a JPEG file stays the JPEG it is),
/// the SCP role for any class (C-GET sub-operations, storage commitment reports on the same association) and our Maximum Length.
/// </summary>
public static class DimseAssociationPolicy
{
    public static DicomAssociationPolicy Create(DicomOptions dicom, ClinicAeDirectory clinics)
    {
        var syntaxes = DicomTransferSyntax.All.Select(t => t.Uid).ToArray();
        var policy = new DicomAssociationPolicy().AcceptAnyAbstractSyntax(syntaxes).AllowRolesForAnyAbstractSyntax(scu: true, scp: true);
        policy.PreferRequestorTransferSyntaxOrder = true;
        policy.MaximumPduLength = (uint)dicom.MaximumPduLength;
        policy.RequestValidator = async (request, ct) =>
            !string.Equals(request.CalledAeTitle.Trim(), dicom.AeTitle, StringComparison.Ordinal) ? DicomAssociationRejection.CalledAeTitleNotRecognized
            : await clinics.FindClinicAsync(request.CallingAeTitle, ct).ConfigureAwait(false) is null ? DicomAssociationRejection.CallingAeTitleNotRecognized
            : null;
        return policy;
    }
}
