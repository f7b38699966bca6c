namespace Teleread.DictionaryGenerator;

/// <summary>The machine-readable sources the generator reads (all shipped by Debian packages).</summary>
public sealed record DictionarySources(string PublicDic, string PrivateDic, string PydicomTagDict, string PydicomUidDict)
{
    /// <summary>dicom.dic and private.dic: package libdcmtk17 (pulled in by dcmtk); names and UIDs: package python3-pydicom.</summary>
    public static DictionarySources Debian { get; } = new(
        "/usr/share/libdcmtk17/dicom.dic",
        "/usr/share/libdcmtk17/private.dic",
        "/usr/lib/python3/dist-packages/pydicom/_dicom_dict.py",
        "/usr/lib/python3/dist-packages/pydicom/_uid_dict.py");

    public IEnumerable<string> Paths => [PublicDic, PrivateDic, PydicomTagDict, PydicomUidDict];

    public IReadOnlyList<string> Missing => Paths.Where(p => !File.Exists(p)).ToList();
}
