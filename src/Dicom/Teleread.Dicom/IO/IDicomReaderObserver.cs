namespace Teleread.Dicom.IO;

/// <summary>Receives a data set as the reader parses it (convention 13). Offsets are byte positions of each header in the input.</summary>
public interface IDicomReaderObserver
{
    void OnElement(DicomElement element, long offset);

    void OnBeginSequence(DicomTag tag, bool undefinedLength, long offset);

    void OnBeginItem(bool undefinedLength, long offset);

    void OnEndItem();

    void OnEndSequence();

    void OnBeginFragments(DicomTag tag, DicomVR vr, long offset);

    /// <summary>The first fragment reported is always the Basic Offset Table item (possibly empty).</summary>
    void OnFragment(DicomFragment fragment, bool isOffsetTable, long offset);

    void OnEndFragments();
}
