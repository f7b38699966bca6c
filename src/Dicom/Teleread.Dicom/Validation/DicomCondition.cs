namespace Teleread.Dicom.Validation;

/// <summary>A simple condition of a Type 1C/2C attribute or a conditional module, evaluated against the data set.</summary>
public sealed class DicomCondition
{
    private readonly Func<DicomDataset, bool> _test;

    private DicomCondition(string description, Func<DicomDataset, bool> test)
    {
        Description = description;
        _test = test;
    }

    public string Description { get; }

    public bool IsSatisfiedBy(DicomDataset dataset) => _test(dataset);

    /// <summary>The attribute is present (with or without a value).</summary>
    public static DicomCondition Present(DicomTag tag) =>
        new($"{Keyword(tag)} is present", ds => ds.Contains(tag));

    /// <summary>None of the attributes is present.</summary>
    public static DicomCondition NoneOf(params DicomTag[] tags) =>
        new($"none of {string.Join(", ", tags.Select(Keyword))} is present", ds => !tags.Any(ds.Contains));

    /// <summary>The attribute has a first numeric value greater than <paramref name="threshold"/>.</summary>
    public static DicomCondition GreaterThan(DicomTag tag, int threshold) =>
        new($"{Keyword(tag)} > {threshold}", ds => ds.TryGetValue<int>(tag, out var v) && v > threshold);

    /// <summary>The attribute's first value equals one of <paramref name="values"/>.</summary>
    public static DicomCondition ValueIs(DicomTag tag, params string[] values) =>
        new($"{Keyword(tag)} is {string.Join(" or ", values)}", ds => ds.GetStrings(tag) is [var first, ..] && values.Contains(first, StringComparer.Ordinal));

    public override string ToString() => Description;

    private static string Keyword(DicomTag tag) => DicomDictionary.Find(tag)?.Keyword ?? tag.ToString();
}
