namespace Teleread.Dicom;

public enum DicomUidType
{
    Other,
    SopClass,
    MetaSopClass,
    TransferSyntax,
    WellKnownSopInstance,
    FrameOfReference,
    CodingScheme,
    ApplicationContextName,
    ServiceClass,
    ApplicationHostingModel,
    MappingResource,
    LdapOid,
    ContextGroupName,
}
