namespace Teleread.Dicom.Network.Items;

/// <summary>User-Identity-Type of the User Identity Negotiation Sub-Item (PS3.7 Table D.3-14).</summary>
public enum UserIdentityType : byte
{
    Username = 1,
    UsernameAndPasscode = 2,
    KerberosServiceTicket = 3,
    SamlAssertion = 4,
    JsonWebToken = 5,
}
