using System.Buffers.Binary;
using System.Globalization;
using Teleread.Dicom.Validation;

namespace Teleread.Dicom.Deidentification;

/// <summary>
/// PS3.15 Annex E Basic Application Level Confidentiality Profile with its options. Rows of Table E.1-1 drive the actions;
/// compound actions (X/Z, X/D, Z/D, X/Z/D) are resolved from the attribute's type in the instance's IOD (<see cref="DicomIods"/>).
/// Attributes the table does not list are treated conservatively: person names as X/Z/D, dates and times as the date rows,
/// UIDs that are not registered well-known UIDs as U. Sequences are processed recursively; pixel data is never changed.
/// One deidentifier (one <see cref="DicomUidMap"/>) per set of instances keeps their UIDs consistent.
/// </summary>
public sealed class DicomDeidentifier(DicomDeidentificationOptions options, DicomUidMap uids)
{
    private static readonly ConfidentialityProfileRule NameRule = new("PN", "X/Z/D", new Dictionary<char, char>());
    private static readonly ConfidentialityProfileRule DateRule = new("DA", "X/Z/D", new Dictionary<char, char> { ['F'] = 'K', ['M'] = 'C' });
    private static readonly ConfidentialityProfileRule UidRule = new("UI", "U", new Dictionary<char, char> { ['U'] = 'K' });

    private readonly int _shiftDays = options.DateShift is { } shift
        ? (int)Math.Round(shift.TotalDays)
        : -(int)(BinaryPrimitives.ReadUInt32BigEndian(uids.Derive("date-shift")) % 3650 + 1);

    public DicomDeidentificationOptions Options { get; } = options;

    public DicomUidMap Uids { get; } = uids;

    /// <summary>De-identifies the file in place (data set and the Media Storage SOP Instance UID of the meta group).</summary>
    public DicomDeidentificationResult Deidentify(DicomFile file)
    {
        var result = Deidentify(file.Dataset);
        if (!Options.RetainUids && file.FileMetaInformation.GetStringOrDefault(DicomTags.MediaStorageSOPInstanceUID) is { Length: > 0 } uid)
        {
            file.FileMetaInformation.AddOrUpdate(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, Uids.Map(uid));
        }

        return result;
    }

    public DicomDeidentificationResult Deidentify(DicomDataset dataset)
    {
        var run = new Run(this, dataset);
        run.Process(dataset, topLevel: true);
        AddMethodAttributes(dataset);
        return new DicomDeidentificationResult(run.Removed, run.Replaced, run.Warnings);
    }

    private void AddMethodAttributes(DicomDataset ds)
    {
        if (Options.PatientNamePseudonym is { } name)
        {
            ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, name);
        }

        if (Options.PatientIdPseudonym is { } id)
        {
            ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, id);
        }

        var codes = new[] { DicomDeidentificationMethod.BasicProfile }.Concat(DicomDeidentificationMethod.OptionCodes(Options)).ToList();
        ds.AddOrUpdate(DicomTags.PatientIdentityRemoved, DicomVR.CS, "YES");
        ds.AddOrUpdate(DicomTags.DeidentificationMethod, DicomVR.LO, ["Teleread PS3.15 E.1-1", .. codes.Select(c => c.Meaning)]);
        var sequence = new DicomSequence(DicomTags.DeidentificationMethodCodeSequence);
        ds.AddOrUpdate(sequence);
        foreach (var (code, meaning) in codes)
        {
            var item = new DicomItem();
            sequence.Items.Add(item);
            item.AddOrUpdate(DicomTags.CodeValue, DicomVR.SH, code);
            item.AddOrUpdate(DicomTags.CodingSchemeDesignator, DicomVR.SH, "DCM");
            item.AddOrUpdate(DicomTags.CodeMeaning, DicomVR.LO, meaning);
        }

        ds.AddOrUpdate(DicomTags.LongitudinalTemporalInformationModified, DicomVR.CS,
            Options.RetainFullDates ? "UNMODIFIED" : Options.RetainModifiedDates ? "MODIFIED" : "REMOVED");
    }

    private sealed class Run
    {
        private readonly DicomDeidentifier _owner;
        private readonly DicomTextScrubber _scrubber;
        private readonly Dictionary<DicomTag, DicomAttributeType> _required = [];

        public Run(DicomDeidentifier owner, DicomDataset root)
        {
            _owner = owner;
            _scrubber = new DicomTextScrubber(root);
            if (root.GetStringOrDefault(DicomTags.SOPClassUID) is { } sopClass && DicomIods.ForSopClass(sopClass) is { } iod)
            {
                foreach (var usage in iod.Modules)
                {
                    foreach (var a in usage.Module.Attributes)
                    {
                        var type = a.Type is DicomAttributeType.Type1 or DicomAttributeType.Type1C ? DicomAttributeType.Type1 : DicomAttributeType.Type2;
                        if (!_required.TryGetValue(a.Tag, out var existing) || type < existing)
                        {
                            _required[a.Tag] = type;
                        }
                    }
                }
            }

            var burnedIn = root.GetStringOrDefault(DicomTags.BurnedInAnnotation);
            if (burnedIn == "YES")
            {
                Warnings.Add("Burned In Annotation is YES: identifying text may remain in the pixel data, which was not changed.");
            }
            else if (burnedIn is null && root.Contains(DicomTags.PixelData)
                && root.GetStringOrDefault(DicomTags.Modality) is "US" or "OT" or "SC" or "XC" or "ES")
            {
                Warnings.Add("Burned In Annotation is absent for a modality that often burns text into pixels; the pixel data was not checked or changed.");
            }
        }

        public int Removed { get; private set; }

        public int Replaced { get; private set; }

        public List<string> Warnings { get; } = [];

        private DicomDeidentificationOptions Options => _owner.Options;

        public void Process(DicomDataset ds, bool topLevel)
        {
            foreach (var attribute in ds.ToList())
            {
                var tag = attribute.Tag;
                if (tag.IsGroupLength)
                {
                    Remove(ds, tag);
                }
                else if (tag.IsPrivate)
                {
                    ProcessPrivate(ds, attribute);
                }
                else if (RuleFor(attribute) is { } rule)
                {
                    Apply(ds, attribute, Resolve(rule, tag, topLevel));
                }
                else if (attribute is DicomSequence sequence)
                {
                    Recurse(sequence);
                }
            }

            if (Options.RetainSafePrivate)
            {
                RemoveUnusedPrivateCreators(ds);
            }
        }

        private static ConfidentialityProfileRule? RuleFor(DicomAttribute attribute)
        {
            if (ConfidentialityProfile.Find(attribute.Tag) is { } rule)
            {
                return rule;
            }

            var vr = attribute.VR;
            if (vr == DicomVR.PN)
            {
                return NameRule;
            }

            if (vr == DicomVR.DA || vr == DicomVR.DT || vr == DicomVR.TM)
            {
                return DateRule;
            }

            if (vr == DicomVR.UI && attribute is DicomElement e && e.GetStrings().Any(u => DicomUids.Find(u) is null))
            {
                return UidRule;
            }

            return null;
        }

        private DicomDeidentificationAction Resolve(ConfidentialityProfileRule rule, DicomTag tag, bool topLevel)
        {
            DicomAttributeType? type = topLevel && _required.TryGetValue(tag, out var t) ? t : null;
            return rule.ResolveCode(Options) switch
            {
                "K" => DicomDeidentificationAction.Keep,
                "X" => DicomDeidentificationAction.Remove,
                "Z" => DicomDeidentificationAction.Zero,
                "D" => DicomDeidentificationAction.Dummy,
                "C" => DicomDeidentificationAction.Clean,
                "U" => DicomDeidentificationAction.Uid,
                "X/Z" => type is null ? DicomDeidentificationAction.Remove : DicomDeidentificationAction.Zero,
                "X/D" => type is null ? DicomDeidentificationAction.Remove : DicomDeidentificationAction.Dummy,
                "Z/D" => type == DicomAttributeType.Type1 ? DicomDeidentificationAction.Dummy : DicomDeidentificationAction.Zero,
                "X/Z/D" => type switch
                {
                    DicomAttributeType.Type1 => DicomDeidentificationAction.Dummy,
                    null => DicomDeidentificationAction.Remove,
                    _ => DicomDeidentificationAction.Zero,
                },
                "X/Z/U*" => DicomDeidentificationAction.KeepReferencesReplaceUids,
                var other => throw new InvalidOperationException($"Table E.1-1 action '{other}' for {tag} is not known."),
            };
        }

        private void Apply(DicomDataset ds, DicomAttribute attribute, DicomDeidentificationAction action)
        {
            var tag = attribute.Tag;
            switch (action)
            {
                case DicomDeidentificationAction.Remove:
                    Remove(ds, tag);
                    return;
                case DicomDeidentificationAction.Zero:
                    Replaced++;
                    ds.AddOrUpdate(attribute is DicomSequence ? new DicomSequence(tag) : new DicomElement(tag, attribute.VR, ReadOnlyMemory<byte>.Empty));
                    return;
            }

            if (attribute is DicomSequence sequence)
            {
                Recurse(sequence);
                return;
            }

            if (attribute is not DicomElement element || element.IsBulkData)
            {
                return;
            }

            switch (action)
            {
                case DicomDeidentificationAction.Dummy:
                    Replaced++;
                    ds.AddOrUpdate(element.VR == DicomVR.UI ? MapUids(ds, element) : Dummy(ds, element));
                    break;
                case DicomDeidentificationAction.Uid:
                case DicomDeidentificationAction.KeepReferencesReplaceUids:
                    if (element.VR == DicomVR.UI)
                    {
                        Replaced++;
                        ds.AddOrUpdate(MapUids(ds, element));
                    }

                    break;
                case DicomDeidentificationAction.Clean:
                    Replaced++;
                    ds.AddOrUpdate(Clean(ds, element));
                    break;
            }
        }

        private void Recurse(DicomSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                Process(item, topLevel: false);
            }
        }

        private void Remove(DicomDataset ds, DicomTag tag)
        {
            if (ds.Remove(tag))
            {
                Removed++;
            }
        }

        private DicomElement MapUids(DicomDataset ds, DicomElement element)
        {
            var mapped = element.GetStrings(ds.CharacterSet).Select(u => DicomUids.Find(u) is null ? _owner.Uids.Map(u) : u);
            return DicomElement.FromStrings(element.Tag, DicomVR.UI, mapped);
        }

        private DicomElement Clean(DicomDataset ds, DicomElement element)
        {
            var vr = element.VR;
            if (vr == DicomVR.DA || vr == DicomVR.DT)
            {
                return DicomElement.FromStrings(element.Tag, vr, element.GetStrings(ds.CharacterSet).Select(ShiftDate));
            }

            if (vr == DicomVR.TM)
            {
                return element;
            }

            if (vr == DicomVR.UI)
            {
                return MapUids(ds, element);
            }

            if (vr == DicomVR.PN)
            {
                return Dummy(ds, element);
            }

            return vr.IsString && vr != DicomVR.DS && vr != DicomVR.IS
                ? DicomElement.FromString(element.Tag, vr, _scrubber.Clean(element.GetString(ds.CharacterSet)), ds.CharacterSet)
                : element;
        }

        private string ShiftDate(string value)
        {
            if (value.Length < 8 || !DateOnly.TryParseExact(value[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return value.Length >= 8 ? "19000101" + value[8..] : "19000101";
            }

            return date.AddDays(_owner._shiftDays).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + value[8..];
        }

        private static DicomElement Dummy(DicomDataset ds, DicomElement element)
        {
            var vr = element.VR;
            var text = vr.Code switch
            {
                "AE" => "ANONYMOUS",
                "AS" => "000Y",
                "CS" => "ANONYMIZED",
                "DA" => "19000101",
                "DT" => "19000101000000",
                "TM" => "000000",
                "DS" or "IS" => "0",
                "UR" => "urn:anonymized",
                _ => vr.IsString ? "ANONYMIZED" : null,
            };
            return text is not null
                ? DicomElement.FromString(element.Tag, vr, text, ds.CharacterSet)
                : new DicomElement(element.Tag, vr, new byte[Math.Max(2, vr.UnitSize)]);
        }

        private void ProcessPrivate(DicomDataset ds, DicomAttribute attribute)
        {
            var tag = attribute.Tag;
            if (!Options.RetainSafePrivate)
            {
                Remove(ds, tag);
                return;
            }

            if (tag.IsPrivateCreator || tag.Element < 0x1000)
            {
                return;
            }

            var creator = ds.GetStringOrDefault(tag.PrivateCreatorTag) ?? "";
            var listed = Options.SafePrivateAttributes.Contains((creator.Trim(), tag.Group, (byte)tag.Element));
            var numeric = attribute.VR == DicomVR.US || attribute.VR == DicomVR.SS || attribute.VR == DicomVR.UL
                || attribute.VR == DicomVR.SL || attribute.VR == DicomVR.FL || attribute.VR == DicomVR.FD;
            if (!listed && !numeric)
            {
                Remove(ds, tag);
            }
            else if (attribute is DicomSequence sequence)
            {
                Recurse(sequence);
            }
        }

        private void RemoveUnusedPrivateCreators(DicomDataset ds)
        {
            var used = ds.Where(a => a.Tag.IsPrivate && !a.Tag.IsPrivateCreator && a.Tag.Element >= 0x1000)
                .Select(a => a.Tag.PrivateCreatorTag).ToHashSet();
            foreach (var creator in ds.Where(a => a.Tag.IsPrivateCreator && !used.Contains(a.Tag)).Select(a => a.Tag).ToList())
            {
                Remove(ds, creator);
            }
        }
    }
}
