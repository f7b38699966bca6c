namespace Teleread.Dicom.Json;

/// <summary>
/// VRs an implicit VR encoding could not carry, resolved for output the way pydicom and DCMTK do:
/// "US or SS" attributes are SS when Pixel Representation (0028,0103) is 1 (PS3.5 Annex A notes), and a private UN
/// element whose creator and element the private dictionary knows takes the dictionary's VR (UN values are
/// little endian, PS3.5 6.2.2, so the bytes are read as that VR unchanged).
/// </summary>
internal static class DicomImplicitVR
{
    private static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);

    public static DicomElement Resolve(DicomElement e, DicomDataset dataset, bool privateFromDictionary)
    {
        if (e.VR == DicomVR.US && IsSignedPixelData(dataset) && DicomDictionary.Find(e.Tag) is { } entry && entry.ValueRepresentations.Contains(DicomVR.SS))
        {
            return Retype(e, DicomVR.SS);
        }

        if (privateFromDictionary && e.VR == DicomVR.UN && e.Tag.IsPrivate && !e.Tag.IsPrivateCreator
            && dataset.GetStringOrDefault(e.Tag.PrivateCreatorTag) is { Length: > 0 } creator
            && DicomDictionary.FindPrivate(e.Tag, creator)?.DefaultVR is { } vr && vr != DicomVR.UN && vr != DicomVR.SQ)
        {
            return Retype(e, vr);
        }

        return e;
    }

    private static DicomElement Retype(DicomElement e, DicomVR vr) =>
        e.BulkData is { } bulk ? new DicomElement(e.Tag, vr, bulk) : new DicomElement(e.Tag, vr, e.Value);

    private static bool IsSignedPixelData(DicomDataset dataset)
    {
        for (var ds = dataset; ds is not null; ds = ds.Parent)
        {
            if (ds.GetElement(PixelRepresentation) is { Length: 2 } pr)
            {
                return pr.GetValue<ushort>() == 1;
            }
        }

        return false;
    }
}
