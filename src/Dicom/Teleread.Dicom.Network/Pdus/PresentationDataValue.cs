namespace Teleread.Dicom.Network.Pdus;

/// <summary>
/// One Presentation-data-value Item of a P-DATA-TF PDU (PS3.8 9.3.5.1): a presentation context
/// ID, the message control header (Annex E.2: bit 0 command/data set, bit 1 last fragment) and a
/// fragment of a command set or data set.
/// </summary>
public readonly record struct PresentationDataValue(byte PresentationContextId, bool IsCommand, bool IsLastFragment, ReadOnlyMemory<byte> Data)
{
    /// <summary>Item-length (4) + Presentation-context-ID (1) + message control header (1).</summary>
    public const int Overhead = 6;

    public byte MessageControlHeader => (byte)((IsCommand ? 1 : 0) | (IsLastFragment ? 2 : 0));

    public int Length => Overhead + Data.Length;
}
