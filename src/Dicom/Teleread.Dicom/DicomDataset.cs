using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Teleread.Dicom.CharacterSets;

namespace Teleread.Dicom;

/// <summary>A data set: attributes kept in ascending tag order (PS3.5 7.1). Items of a sequence inherit the character set of the data set that holds them.</summary>
public class DicomDataset : IEnumerable<DicomAttribute>
{
    private readonly List<DicomAttribute> _attributes = [];
    private DicomCharacterSet? _characterSet;

    public int Count => _attributes.Count;

    /// <summary>The data set holding the sequence this item belongs to; null at top level.</summary>
    public DicomDataset? Parent { get; internal set; }

    /// <summary>From Specific Character Set (0008,0005) here, else inherited from the enclosing data set, else the default repertoire.</summary>
    public DicomCharacterSet CharacterSet
    {
        get
        {
            if (_characterSet is not null)
            {
                return _characterSet;
            }

            var own = GetElement(DicomTags.SpecificCharacterSet);
            return _characterSet = own is not null
                ? DicomCharacterSet.FromSpecificCharacterSet(own.GetStrings())
                : Parent?.CharacterSet ?? DicomCharacterSet.Default;
        }
    }

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    public DicomAttribute? Get(DicomTag tag)
    {
        var i = IndexOf(tag);
        return i >= 0 ? _attributes[i] : null;
    }

    public DicomElement? GetElement(DicomTag tag) => Get(tag) as DicomElement;

    public DicomSequence? GetSequence(DicomTag tag) => Get(tag) as DicomSequence;

    public DicomFragmentSequence? GetFragments(DicomTag tag) => Get(tag) as DicomFragmentSequence;

    /// <summary>Adds an attribute; throws if the tag is already present.</summary>
    public DicomDataset Add(DicomAttribute attribute)
    {
        var i = IndexOf(attribute.Tag);
        if (i >= 0)
        {
            throw new DicomDataException($"{attribute.Tag} is already in the data set.");
        }

        Insert(~i, attribute);
        return this;
    }

    /// <summary>Adds or replaces the attribute with the same tag.</summary>
    public DicomDataset AddOrUpdate(DicomAttribute attribute)
    {
        var i = IndexOf(attribute.Tag);
        if (i >= 0)
        {
            Detach(_attributes[i]);
            _attributes[i] = attribute;
            Attach(attribute);
        }
        else
        {
            Insert(~i, attribute);
        }

        return this;
    }

    /// <summary>Adds or replaces a string-valued attribute, with the VR from the dictionary and this data set's character set.</summary>
    public DicomDataset AddOrUpdate(DicomTag tag, params string[] values) =>
        AddOrUpdate(DicomElement.FromStrings(tag, DicomDictionary.DefaultVR(tag), values, CharacterSet));

    public DicomDataset AddOrUpdate(DicomTag tag, DicomVR vr, params string[] values) =>
        AddOrUpdate(DicomElement.FromStrings(tag, vr, values, CharacterSet));

    public DicomDataset AddOrUpdate<T>(DicomTag tag, DicomVR vr, params ReadOnlySpan<T> values)
        where T : struct, INumberBase<T> =>
        AddOrUpdate(DicomElement.FromValues(tag, vr, values));

    public bool Remove(DicomTag tag)
    {
        var i = IndexOf(tag);
        if (i < 0)
        {
            return false;
        }

        Detach(_attributes[i]);
        _attributes.RemoveAt(i);
        return true;
    }

    public void Clear()
    {
        _attributes.Clear();
        _characterSet = null;
    }

    public string GetString(DicomTag tag) =>
        TryGetString(tag, out var s) ? s : throw new DicomDataException($"{tag} is not in the data set.");

    /// <summary>The whole value as text, or null if absent.</summary>
    public string? GetStringOrDefault(DicomTag tag) => TryGetString(tag, out var s) ? s : null;

    public bool TryGetString(DicomTag tag, [NotNullWhen(true)] out string? value)
    {
        var e = GetElement(tag);
        value = e?.GetString(CharacterSet);
        return value is not null;
    }

    public string[] GetStrings(DicomTag tag) => GetElement(tag)?.GetStrings(CharacterSet) ?? [];

    /// <summary>Value multiplicity of an element (0 if absent), text decoded in this data set's character set before splitting.</summary>
    public int GetCount(DicomTag tag) => GetElement(tag)?.GetCount(CharacterSet) ?? 0;

    public T[] GetValues<T>(DicomTag tag)
        where T : struct, INumberBase<T> => GetElement(tag)?.GetValues<T>() ?? [];

    public T GetValue<T>(DicomTag tag, int index = 0)
        where T : struct, INumberBase<T> =>
        TryGetValue<T>(tag, out var v, index) ? v : throw new DicomDataException($"{tag} has no value {index}.");

    public bool TryGetValue<T>(DicomTag tag, out T value, int index = 0)
        where T : struct, INumberBase<T>
    {
        value = default;
        var e = GetElement(tag);
        if (e is null)
        {
            return false;
        }

        var values = e.GetValues<T>();
        if (index >= values.Length)
        {
            return false;
        }

        value = values[index];
        return true;
    }

    public int GetInt32(DicomTag tag, int index = 0) => GetValue<int>(tag, index);

    public double GetDouble(DicomTag tag, int index = 0) => GetValue<double>(tag, index);

    public DicomPersonName GetPersonName(DicomTag tag) => DicomPersonName.Parse(GetString(tag));

    public IEnumerator<DicomAttribute> GetEnumerator() => _attributes.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Appends when tags arrive in order (the reader's case), else inserts in place.</summary>
    internal void AddFromReader(DicomAttribute attribute)
    {
        if (_attributes.Count == 0 || _attributes[^1].Tag < attribute.Tag)
        {
            _attributes.Add(attribute);
            Attach(attribute);
        }
        else
        {
            AddOrUpdate(attribute);
        }
    }

    private int IndexOf(DicomTag tag)
    {
        int lo = 0, hi = _attributes.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = _attributes[mid].Tag.Value.CompareTo(tag.Value);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    private void Insert(int index, DicomAttribute attribute)
    {
        _attributes.Insert(index, attribute);
        Attach(attribute);
    }

    private void Attach(DicomAttribute attribute)
    {
        if (attribute.Tag == DicomTags.SpecificCharacterSet)
        {
            _characterSet = null;
        }

        if (attribute is DicomSequence seq)
        {
            seq.Owner = this;
        }
    }

    private void Detach(DicomAttribute attribute)
    {
        if (attribute.Tag == DicomTags.SpecificCharacterSet)
        {
            _characterSet = null;
        }
    }
}
