namespace Teleread.DictionaryGenerator;

/// <summary>The machine-readable sources the generator reads (Debian packages, plus a checked-in UID supplement).</summary>
public sealed record DictionarySources(string PublicDic, string PrivateDic, string PydicomTagDict, string PydicomUidDict, string UidSupplement)
{
    /// <summary>
    /// dicom.dic and private.dic: package libdcmtk17 (pulled in by dcmtk); names and UIDs: package python3-pydicom;
    /// UIDs of PS3.6 Table A-1 newer than that pydicom: tools/Teleread.DictionaryGenerator/uid-supplement.tsv.
    /// </summary>
    public static DictionarySources Debian { get; } = new(
        "/usr/share/libdcmtk17/dicom.dic",
        "/usr/share/libdcmtk17/private.dic",
        "/usr/lib/python3/dist-packages/pydicom/_dicom_dict.py",
        "/usr/lib/python3/dist-packages/pydicom/_uid_dict.py",
        Path.Combine(RepoRoot.Find(), "tools", "Teleread.DictionaryGenerator", "uid-supplement.tsv"));

    public IEnumerable<string> Paths => [PublicDic, PrivateDic, PydicomTagDict, PydicomUidDict, UidSupplement];

    public IReadOnlyList<string> Missing => Paths.Where(p => !File.Exists(p)).ToList();
}
