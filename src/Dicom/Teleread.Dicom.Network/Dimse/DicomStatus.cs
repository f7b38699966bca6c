namespace Teleread.Dicom.Network;

/// <summary>A DIMSE Status (0000,0900) code and its category (PS3.7 Annex C).</summary>
public readonly record struct DicomStatus(ushort Code)
{
    public static DicomStatus Success { get; } = new(0x0000);
    public static DicomStatus Pending { get; } = new(0xFF00);
    public static DicomStatus PendingWithWarnings { get; } = new(0xFF01);
    public static DicomStatus Cancel { get; } = new(0xFE00);
    public static DicomStatus SubOperationsCompleteWithFailures { get; } = new(0xB000);
    public static DicomStatus DuplicateSopInstance { get; } = new(0x0111);
    public static DicomStatus ProcessingFailure { get; } = new(0x0110);
    public static DicomStatus SopClassNotSupported { get; } = new(0x0122);
    public static DicomStatus NoSuchObjectInstance { get; } = new(0x0112);
    public static DicomStatus NoSuchActionType { get; } = new(0x0123);
    public static DicomStatus InvalidArgumentValue { get; } = new(0x0115);
    public static DicomStatus UnrecognizedOperation { get; } = new(0x0211);
    public static DicomStatus OutOfResources { get; } = new(0xA700);
    public static DicomStatus SubOperationsOutOfResources { get; } = new(0xA702);
    public static DicomStatus MoveDestinationUnknown { get; } = new(0xA801);
    public static DicomStatus IdentifierDoesNotMatchSopClass { get; } = new(0xA900);
    public static DicomStatus UnableToProcess { get; } = new(0xC000);

    public bool IsSuccess => Code == 0x0000;

    public bool IsPending => Code is 0xFF00 or 0xFF01;

    public bool IsCancel => Code == 0xFE00;

    public bool IsWarning => Code is 0x0001 or 0x0107 or 0x0116 or (>= 0xB000 and <= 0xBFFF);

    public bool IsFailure => !IsSuccess && !IsPending && !IsCancel && !IsWarning;

    public override string ToString() => $"0x{Code:X4}";
}
