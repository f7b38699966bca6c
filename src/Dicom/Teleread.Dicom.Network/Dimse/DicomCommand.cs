using System.Buffers.Binary;
using Teleread.Dicom.IO;

namespace Teleread.Dicom.Network;

/// <summary>
/// A DIMSE command set (PS3.7 Section 9.3/10.3): group 0000 elements always encoded implicit VR
/// little endian with Command Group Length first. Typed properties read and write the data set.
/// </summary>
public sealed partial class DicomCommand
{
    /// <summary>Command Data Set Type value meaning "no data set follows".</summary>
    public const ushort NoDataSet = 0x0101;

    public DicomCommand(DicomDataset dataset)
    {
        Dataset = dataset;
    }

    public DicomDataset Dataset { get; }

    public DicomCommandField CommandField
    {
        get => (DicomCommandField)GetUInt16(DicomTags.CommandField);
        set => SetUInt16(DicomTags.CommandField, (ushort)value);
    }

    public bool IsResponse => ((ushort)CommandField & 0x8000) != 0;

    public ushort MessageId
    {
        get => GetUInt16(DicomTags.MessageID);
        set => SetUInt16(DicomTags.MessageID, value);
    }

    public ushort MessageIdBeingRespondedTo
    {
        get => GetUInt16(DicomTags.MessageIDBeingRespondedTo);
        set => SetUInt16(DicomTags.MessageIDBeingRespondedTo, value);
    }

    public bool HasDataSet
    {
        get => GetUInt16(DicomTags.CommandDataSetType) != NoDataSet;
        set => SetUInt16(DicomTags.CommandDataSetType, value ? (ushort)0x0000 : NoDataSet);
    }

    public DicomStatus Status
    {
        get => new(GetUInt16(DicomTags.Status));
        set => SetUInt16(DicomTags.Status, value.Code);
    }

    public DicomPriority Priority
    {
        get => Dataset.TryGetValue<ushort>(DicomTags.Priority, out var p) ? (DicomPriority)p : DicomPriority.Medium;
        set => SetUInt16(DicomTags.Priority, (ushort)value);
    }

    public string? AffectedSopClassUid
    {
        get => Dataset.GetStringOrDefault(DicomTags.AffectedSOPClassUID);
        set => SetString(DicomTags.AffectedSOPClassUID, DicomVR.UI, value);
    }

    public string? AffectedSopInstanceUid
    {
        get => Dataset.GetStringOrDefault(DicomTags.AffectedSOPInstanceUID);
        set => SetString(DicomTags.AffectedSOPInstanceUID, DicomVR.UI, value);
    }

    public string? RequestedSopClassUid
    {
        get => Dataset.GetStringOrDefault(DicomTags.RequestedSOPClassUID);
        set => SetString(DicomTags.RequestedSOPClassUID, DicomVR.UI, value);
    }

    public string? RequestedSopInstanceUid
    {
        get => Dataset.GetStringOrDefault(DicomTags.RequestedSOPInstanceUID);
        set => SetString(DicomTags.RequestedSOPInstanceUID, DicomVR.UI, value);
    }

    public string? MoveDestination
    {
        get => Dataset.GetStringOrDefault(DicomTags.MoveDestination)?.Trim();
        set => SetString(DicomTags.MoveDestination, DicomVR.AE, value);
    }

    public string? MoveOriginatorAeTitle
    {
        get => Dataset.GetStringOrDefault(DicomTags.MoveOriginatorApplicationEntityTitle)?.Trim();
        set => SetString(DicomTags.MoveOriginatorApplicationEntityTitle, DicomVR.AE, value);
    }

    public ushort? MoveOriginatorMessageId
    {
        get => Dataset.TryGetValue<ushort>(DicomTags.MoveOriginatorMessageID, out var v) ? v : null;
        set => SetOptionalUInt16(DicomTags.MoveOriginatorMessageID, value);
    }

    public ushort? ActionTypeId
    {
        get => Dataset.TryGetValue<ushort>(DicomTags.ActionTypeID, out var v) ? v : null;
        set => SetOptionalUInt16(DicomTags.ActionTypeID, value);
    }

    public ushort? EventTypeId
    {
        get => Dataset.TryGetValue<ushort>(DicomTags.EventTypeID, out var v) ? v : null;
        set => SetOptionalUInt16(DicomTags.EventTypeID, value);
    }

    public string? ErrorComment
    {
        get => Dataset.GetStringOrDefault(DicomTags.ErrorComment);
        set => SetString(DicomTags.ErrorComment, DicomVR.LO, value);
    }

    /// <summary>Remaining, completed, failed and warning sub-operations of C-MOVE/C-GET responses (absent counts are null).</summary>
    public DicomSubOperations SubOperations
    {
        get => new(Optional(DicomTags.NumberOfRemainingSuboperations), Optional(DicomTags.NumberOfCompletedSuboperations),
            Optional(DicomTags.NumberOfFailedSuboperations), Optional(DicomTags.NumberOfWarningSuboperations));
        set
        {
            SetOptionalUInt16(DicomTags.NumberOfRemainingSuboperations, value.Remaining);
            SetOptionalUInt16(DicomTags.NumberOfCompletedSuboperations, value.Completed);
            SetOptionalUInt16(DicomTags.NumberOfFailedSuboperations, value.Failed);
            SetOptionalUInt16(DicomTags.NumberOfWarningSuboperations, value.Warning);
        }
    }

    /// <summary>Encodes implicit VR little endian with a computed Command Group Length (0000,0000) first.</summary>
    public byte[] Encode()
    {
        Dataset.Remove(DicomTags.CommandGroupLength);
        using var body = new MemoryStream(256);
        DicomWriter.WriteDataset(body, Dataset, DicomTransferSyntax.ImplicitVRLittleEndian);
        var bytes = new byte[12 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)body.Length);
        body.GetBuffer().AsSpan(0, (int)body.Length).CopyTo(bytes.AsSpan(12));
        return bytes;
    }

    /// <summary>Decodes a received command set; a malformed one is a protocol error that aborts the association.</summary>
    public static DicomCommand Decode(ReadOnlyMemory<byte> bytes)
    {
        DicomDataset dataset;
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            dataset = DicomReader.ReadDataset(stream, DicomTransferSyntax.ImplicitVRLittleEndian);
        }
        catch (Exception exception) when (exception is DicomReadException or DicomDataException)
        {
            throw new DicomNetworkProtocolException("P-DATA-TF Command", $"the command set cannot be decoded: {exception.Message}", exception);
        }

        foreach (var attribute in dataset)
        {
            if (attribute.Tag.Group != 0x0000)
            {
                throw new DicomNetworkProtocolException("P-DATA-TF Command", $"the command set holds {attribute.Tag}, outside group 0000.");
            }
        }

        var command = new DicomCommand(dataset);
        if (!dataset.Contains(DicomTags.CommandField))
        {
            throw new DicomNetworkProtocolException("P-DATA-TF Command", "the command set has no Command Field (0000,0100).");
        }

        return command;
    }

    public override string ToString() => $"{CommandField} id {(IsResponse ? MessageIdBeingRespondedTo : MessageId)}";

    private ushort GetUInt16(DicomTag tag) => Dataset.TryGetValue<ushort>(tag, out var value)
        ? value
        : throw new DicomNetworkProtocolException("P-DATA-TF Command", $"the command set has no {tag}.", AbortReasonForMissing);

    private const Pdus.AbortReason AbortReasonForMissing = Pdus.AbortReason.InvalidPduParameterValue;

    private ushort? Optional(DicomTag tag) => Dataset.TryGetValue<ushort>(tag, out var value) ? value : null;

    private void SetUInt16(DicomTag tag, ushort value) => Dataset.AddOrUpdate<ushort>(tag, DicomVR.US, value);

    private void SetOptionalUInt16(DicomTag tag, ushort? value)
    {
        if (value is { } v)
        {
            SetUInt16(tag, v);
        }
        else
        {
            Dataset.Remove(tag);
        }
    }

    private void SetString(DicomTag tag, DicomVR vr, string? value)
    {
        if (value is null)
        {
            Dataset.Remove(tag);
        }
        else
        {
            Dataset.AddOrUpdate(tag, vr, value);
        }
    }
}
