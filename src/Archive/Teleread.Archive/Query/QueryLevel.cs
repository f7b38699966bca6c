namespace Teleread.Archive.Query;

/// <summary>The query/retrieve level (PS3.4 C.3): C-FIND's (0008,0052) and QIDO-RS's resource.</summary>
public enum QueryLevel
{
    Patient,
    Study,
    Series,
    Image,
}
