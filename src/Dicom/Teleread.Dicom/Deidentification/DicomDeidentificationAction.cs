namespace Teleread.Dicom.Deidentification;

/// <summary>The action codes of PS3.15 Table E.1-1 (compound codes such as X/Z/D are resolved per attribute, see <see cref="ConfidentialityProfileRule"/>).</summary>
public enum DicomDeidentificationAction
{
    /// <summary>K: keep.</summary>
    Keep,

    /// <summary>X: remove.</summary>
    Remove,

    /// <summary>Z: replace with a zero-length value.</summary>
    Zero,

    /// <summary>D: replace with a non-zero-length dummy value consistent with the VR.</summary>
    Dummy,

    /// <summary>C: clean — keep the value with identifying information removed.</summary>
    Clean,

    /// <summary>U: replace the UID with another, consistently within the set of instances.</summary>
    Uid,

    /// <summary>X/Z/U*: keep a reference sequence, its UIDs replaced (U) and the rest processed recursively.</summary>
    KeepReferencesReplaceUids,
}
