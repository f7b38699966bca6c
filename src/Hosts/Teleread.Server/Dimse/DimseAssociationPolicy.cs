using Teleread.Dicom;
using Teleread.Dicom.Network;
using Teleread.Server.Configuration;

namespace Teleread.Server.Dimse;

/// <summary>
/// What the DICOM port accepts: calls to our AE title from AE titles that belong to a clinic, every SOP class in
/// any transfer syntax the core knows in the order the sender proposed them (so a JPEG file stays the JPEG it is;
/// among equals explicit then implicit VR little endian), the SCP role for any
/// class (C-GET sub-operations, storage commitment reports on the same association) and our Maximum Length.
/// </summary>
public static class DimseAssociationPolicy
{
    public static DicomAssociationPolicy Create(DicomOptions dicom, ClinicAeDirectory clinics)
    {
        var preferred = new[] { DicomTransferSyntax.ExplicitVRLittleEndian.Uid, DicomTransferSyntax.ImplicitVRLittleEndian.Uid };
        var syntaxes = preferred.Concat(DicomTransferSyntax.All.Select(t => t.Uid).Where(u => !preferred.Contains(u))).ToArray();
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
