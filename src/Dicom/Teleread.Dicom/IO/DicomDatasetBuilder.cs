namespace Teleread.Dicom.IO;

/// <summary>The observer that builds a <see cref="DicomDataset"/> tree from reader events.</summary>
public sealed class DicomDatasetBuilder(DicomDataset root) : IDicomReaderObserver
{
    private readonly Stack<DicomDataset> _datasets = new([root]);
    private readonly Stack<DicomSequence> _sequences = new();
    private DicomFragmentSequence? _fragments;

    public DicomDatasetBuilder()
        : this(new DicomDataset())
    {
    }

    public DicomDataset Root { get; } = root;

    public void OnElement(DicomElement element, long offset) => _datasets.Peek().AddFromReader(element);

    public void OnBeginSequence(DicomTag tag, bool undefinedLength, long offset)
    {
        var seq = new DicomSequence(tag) { UndefinedLength = undefinedLength };
        _datasets.Peek().AddFromReader(seq);
        _sequences.Push(seq);
    }

    public void OnBeginItem(bool undefinedLength, long offset)
    {
        var item = new DicomItem { UndefinedLength = undefinedLength };
        _sequences.Peek().Items.Add(item);
        _datasets.Push(item);
    }

    public void OnEndItem() => _datasets.Pop();

    public void OnEndSequence() => _sequences.Pop();

    public void OnBeginFragments(DicomTag tag, DicomVR vr, long offset)
    {
        _fragments = new DicomFragmentSequence(tag, vr);
        _datasets.Peek().AddFromReader(_fragments);
    }

    public void OnFragment(DicomFragment fragment, bool isOffsetTable, long offset)
    {
        if (isOffsetTable)
        {
            _fragments!.OffsetTableBytes = fragment.Load();
        }
        else
        {
            _fragments!.Fragments.Add(fragment);
        }
    }

    public void OnEndFragments() => _fragments = null;
}
