namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// Reason/Diag field of the A-ASSOCIATE-RJ PDU (PS3.8 Table 9-21). The same byte means different
/// things depending on the source, hence the source-prefixed names sharing values.
/// </summary>
public enum AssociateRejectReason : byte
{
    /// <summary>Source 1 (service user): no-reason-given.</summary>
    UserNoReasonGiven = 1,

    /// <summary>Source 1: application-context-name-not-supported.</summary>
    ApplicationContextNameNotSupported = 2,

    /// <summary>Source 1: calling-AE-title-not-recognized.</summary>
    CallingAeTitleNotRecognized = 3,

    /// <summary>Source 1: called-AE-title-not-recognized.</summary>
    CalledAeTitleNotRecognized = 7,

    /// <summary>Source 2 (service provider, ACSE): no-reason-given.</summary>
    AcseNoReasonGiven = 1,

    /// <summary>Source 2: protocol-version-not-supported.</summary>
    ProtocolVersionNotSupported = 2,

    /// <summary>Source 3 (service provider, presentation): temporary-congestion.</summary>
    TemporaryCongestion = 1,

    /// <summary>Source 3: local-limit-exceeded.</summary>
    LocalLimitExceeded = 2,
}
