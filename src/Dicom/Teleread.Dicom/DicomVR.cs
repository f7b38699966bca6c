using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom;

/// <summary>A Value Representation of PS3.5 6.2 (all 34 of the current standard). Instances are unique: compare by reference.</summary>
public sealed class DicomVR
{
    private DicomVR(string code, DicomVRKind kind, int unitSize, bool longLength, byte padding, long maxLength, bool charsetAffected, DicomTextKind textKind)
    {
        Code = code;
        Kind = kind;
        UnitSize = unitSize;
        HasLongExplicitLength = longLength;
        PaddingByte = padding;
        MaxLength = maxLength;
        IsAffectedBySpecificCharacterSet = charsetAffected;
        TextKind = textKind;
    }

    /// <summary>The two-letter code, e.g. "PN".</summary>
    public string Code { get; }

    public DicomVRKind Kind { get; }

    /// <summary>Size in bytes of one binary number, the unit swapped between little and big endian (1 = never swapped).</summary>
    public int UnitSize { get; }

    /// <summary>True when explicit VR encoding uses 2 reserved bytes and a 32-bit length (PS3.5 Table 7.1-1).</summary>
    public bool HasLongExplicitLength { get; }

    /// <summary>Byte appended to an odd-length value: space for text, NUL for UI and binary VRs.</summary>
    public byte PaddingByte { get; }

    /// <summary>Maximum value length in bytes (per value for multi-valued string VRs; -1 = limited only by the 32-bit length).</summary>
    public long MaxLength { get; }

    /// <summary>True for SH, LO, UC, ST, LT, UT and PN: their text is encoded in the Specific Character Set (0008,0005).</summary>
    public bool IsAffectedBySpecificCharacterSet { get; }

    /// <summary>How a string value is delimited for character set purposes.</summary>
    public DicomTextKind TextKind { get; }

    public bool IsString => Kind is DicomVRKind.Text or DicomVRKind.NumericString;

    /// <summary>True for VRs that hold one value only (backslash is a legal character): LT, ST, UT, UR.</summary>
    public bool IsSingleValuedText => this == LT || this == ST || this == UT || this == UR;

    private static DicomVR Str(string code, long max, bool cs = false, DicomTextKind tk = DicomTextKind.MultiValued, DicomVRKind kind = DicomVRKind.Text, bool longLen = false, byte pad = 0x20) =>
        new(code, kind, 1, longLen, pad, max, cs, tk);

    private static DicomVR Bin(string code, int unit, bool longLen, long max = -1) =>
        new(code, DicomVRKind.Binary, unit, longLen, 0, max, false, DicomTextKind.MultiValued);

    public static readonly DicomVR AE = Str("AE", 16);
    public static readonly DicomVR AS = Str("AS", 4);
    public static readonly DicomVR AT = Bin("AT", 2, false, 4);
    public static readonly DicomVR CS = Str("CS", 16);
    public static readonly DicomVR DA = Str("DA", 8);
    public static readonly DicomVR DS = Str("DS", 16, kind: DicomVRKind.NumericString);
    public static readonly DicomVR DT = Str("DT", 26);
    public static readonly DicomVR FD = Bin("FD", 8, false, 8);
    public static readonly DicomVR FL = Bin("FL", 4, false, 4);
    public static readonly DicomVR IS = Str("IS", 12, kind: DicomVRKind.NumericString);
    public static readonly DicomVR LO = Str("LO", 64, cs: true);
    public static readonly DicomVR LT = Str("LT", 10240, cs: true, tk: DicomTextKind.Text);
    public static readonly DicomVR OB = Bin("OB", 1, true);
    public static readonly DicomVR OD = Bin("OD", 8, true);
    public static readonly DicomVR OF = Bin("OF", 4, true);
    public static readonly DicomVR OL = Bin("OL", 4, true);
    public static readonly DicomVR OV = Bin("OV", 8, true);
    public static readonly DicomVR OW = Bin("OW", 2, true);
    public static readonly DicomVR PN = Str("PN", 64 * 3 + 2, cs: true, tk: DicomTextKind.PersonName);
    public static readonly DicomVR SH = Str("SH", 16, cs: true);
    public static readonly DicomVR SL = Bin("SL", 4, false, 4);
    public static readonly DicomVR SQ = new("SQ", DicomVRKind.Sequence, 1, true, 0, -1, false, DicomTextKind.MultiValued);
    public static readonly DicomVR SS = Bin("SS", 2, false, 2);
    public static readonly DicomVR ST = Str("ST", 1024, cs: true, tk: DicomTextKind.Text);
    public static readonly DicomVR SV = Bin("SV", 8, true, 8);
    public static readonly DicomVR TM = Str("TM", 14);
    public static readonly DicomVR UC = Str("UC", -1, cs: true, longLen: true);
    public static readonly DicomVR UI = Str("UI", 64, pad: 0x00);
    public static readonly DicomVR UL = Bin("UL", 4, false, 4);
    public static readonly DicomVR UN = Bin("UN", 1, true);
    public static readonly DicomVR UR = Str("UR", -1, tk: DicomTextKind.Text, longLen: true);
    public static readonly DicomVR US = Bin("US", 2, false, 2);
    public static readonly DicomVR UT = Str("UT", -1, cs: true, tk: DicomTextKind.Text, longLen: true);
    public static readonly DicomVR UV = Bin("UV", 8, true, 8);

    /// <summary>All 34 VRs in alphabetical order.</summary>
    public static IReadOnlyList<DicomVR> All { get; } =
    [
        AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV,
    ];

    /// <summary>Parses the two code bytes found in an explicit VR header; false for anything that is not a VR.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = (first << 8 | second) switch
        {
            ('A' << 8) | 'E' => AE, ('A' << 8) | 'S' => AS, ('A' << 8) | 'T' => AT,
            ('C' << 8) | 'S' => CS,
            ('D' << 8) | 'A' => DA, ('D' << 8) | 'S' => DS, ('D' << 8) | 'T' => DT,
            ('F' << 8) | 'D' => FD, ('F' << 8) | 'L' => FL,
            ('I' << 8) | 'S' => IS,
            ('L' << 8) | 'O' => LO, ('L' << 8) | 'T' => LT,
            ('O' << 8) | 'B' => OB, ('O' << 8) | 'D' => OD, ('O' << 8) | 'F' => OF, ('O' << 8) | 'L' => OL, ('O' << 8) | 'V' => OV, ('O' << 8) | 'W' => OW,
            ('P' << 8) | 'N' => PN,
            ('S' << 8) | 'H' => SH, ('S' << 8) | 'L' => SL, ('S' << 8) | 'Q' => SQ, ('S' << 8) | 'S' => SS, ('S' << 8) | 'T' => ST, ('S' << 8) | 'V' => SV,
            ('T' << 8) | 'M' => TM,
            ('U' << 8) | 'C' => UC, ('U' << 8) | 'I' => UI, ('U' << 8) | 'L' => UL, ('U' << 8) | 'N' => UN, ('U' << 8) | 'R' => UR, ('U' << 8) | 'S' => US,
            ('U' << 8) | 'T' => UT, ('U' << 8) | 'V' => UV,
            _ => null!,
        };
        return vr is not null;
    }

    public static DicomVR Parse(string code) =>
        code is { Length: 2 } && TryParse((byte)code[0], (byte)code[1], out var vr)
            ? vr
            : throw new FormatException($"'{code}' is not a DICOM VR.");

    public override string ToString() => Code;
}
