using System.Net;
using System.Security.Cryptography.X509Certificates;
using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network;

/// <summary>What an acceptor knows about an incoming association request when its hooks decide on it.</summary>
public sealed record DicomAssociationRequest(AssociateRequestPdu Pdu, EndPoint? RemoteEndPoint, X509Certificate? ClientCertificate)
{
    public string CallingAeTitle => Pdu.CallingAeTitle;

    public string CalledAeTitle => Pdu.CalledAeTitle;
}
