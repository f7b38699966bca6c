using System.Collections.ObjectModel;

namespace Teleread.Dicom;

/// <summary>An SQ attribute: an ordered list of items (PS3.5 7.5).</summary>
public sealed class DicomSequence : DicomAttribute
{
    private DicomDataset? _owner;

    public DicomSequence(DicomTag tag, params IEnumerable<DicomItem> items)
        : base(tag, DicomVR.SQ)
    {
        Items = new ItemList(this);
        foreach (var item in items)
        {
            Items.Add(item);
        }
    }

    public Collection<DicomItem> Items { get; }

    /// <summary>True/false as read; null for a sequence built in code (the writer's option decides).</summary>
    public bool? UndefinedLength { get; set; }

    internal DicomDataset? Owner
    {
        get => _owner;
        set
        {
            _owner = value;
            foreach (var item in Items)
            {
                item.Parent = value;
            }
        }
    }

    public override string ToString() => $"{Tag} SQ [{Items.Count} item(s)]";

    private sealed class ItemList(DicomSequence sequence) : Collection<DicomItem>
    {
        protected override void InsertItem(int index, DicomItem item)
        {
            item.Parent = sequence._owner;
            base.InsertItem(index, item);
        }

        protected override void SetItem(int index, DicomItem item)
        {
            item.Parent = sequence._owner;
            base.SetItem(index, item);
        }
    }
}
