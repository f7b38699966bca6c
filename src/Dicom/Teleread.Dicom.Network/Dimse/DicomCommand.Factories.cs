namespace Teleread.Dicom.Network;

/// <summary>Builders for the request and response command sets of PS3.7 Sections 9.3 and 10.3.</summary>
public sealed partial class DicomCommand
{
    public static DicomCommand Request(DicomCommandField field, ushort messageId, string sopClassUid, bool hasDataSet)
    {
        var command = new DicomCommand(new DicomDataset())
        {
            CommandField = field,
            MessageId = messageId,
            HasDataSet = hasDataSet,
        };
        if (field is DicomCommandField.NActionRequest)
        {
            command.RequestedSopClassUid = sopClassUid;
        }
        else
        {
            command.AffectedSopClassUid = sopClassUid;
        }

        return command;
    }

    /// <summary>The response to <paramref name="request"/>: the response command field, the message id answered and the SOP class/instance echoed.</summary>
    public static DicomCommand ResponseTo(DicomCommand request, DicomStatus status, bool hasDataSet = false)
    {
        var response = new DicomCommand(new DicomDataset())
        {
            CommandField = (DicomCommandField)((ushort)request.CommandField | 0x8000),
            MessageIdBeingRespondedTo = request.MessageId,
            HasDataSet = hasDataSet,
            Status = status,
            AffectedSopClassUid = request.AffectedSopClassUid ?? request.RequestedSopClassUid,
            AffectedSopInstanceUid = request.AffectedSopInstanceUid ?? request.RequestedSopInstanceUid,
        };
        if (request.CommandField is DicomCommandField.NActionRequest && request.ActionTypeId is { } action)
        {
            response.ActionTypeId = action;
        }

        if (request.CommandField is DicomCommandField.NEventReportRequest && request.EventTypeId is { } eventType)
        {
            response.EventTypeId = eventType;
        }

        return response;
    }

    public static DicomCommand CEchoRequest(ushort messageId, string sopClassUid = DicomUids.Verification)
        => Request(DicomCommandField.CEchoRequest, messageId, sopClassUid, hasDataSet: false);

    public static DicomCommand CStoreRequest(ushort messageId, string sopClassUid, string sopInstanceUid, DicomPriority priority = DicomPriority.Medium,
        string? moveOriginatorAeTitle = null, ushort? moveOriginatorMessageId = null)
    {
        var command = Request(DicomCommandField.CStoreRequest, messageId, sopClassUid, hasDataSet: true);
        command.AffectedSopInstanceUid = sopInstanceUid;
        command.Priority = priority;
        command.MoveOriginatorAeTitle = moveOriginatorAeTitle;
        command.MoveOriginatorMessageId = moveOriginatorMessageId;
        return command;
    }

    public static DicomCommand CFindRequest(ushort messageId, string sopClassUid, DicomPriority priority = DicomPriority.Medium)
    {
        var command = Request(DicomCommandField.CFindRequest, messageId, sopClassUid, hasDataSet: true);
        command.Priority = priority;
        return command;
    }

    public static DicomCommand CMoveRequest(ushort messageId, string sopClassUid, string moveDestination, DicomPriority priority = DicomPriority.Medium)
    {
        var command = Request(DicomCommandField.CMoveRequest, messageId, sopClassUid, hasDataSet: true);
        command.Priority = priority;
        command.MoveDestination = moveDestination;
        return command;
    }

    public static DicomCommand CGetRequest(ushort messageId, string sopClassUid, DicomPriority priority = DicomPriority.Medium)
    {
        var command = Request(DicomCommandField.CGetRequest, messageId, sopClassUid, hasDataSet: true);
        command.Priority = priority;
        return command;
    }

    /// <summary>C-CANCEL-RQ (PS3.7 9.3.2.3): names the operation to cancel by its message id.</summary>
    public static DicomCommand CCancelRequest(ushort messageIdBeingRespondedTo) => new(new DicomDataset())
    {
        CommandField = DicomCommandField.CCancelRequest,
        MessageIdBeingRespondedTo = messageIdBeingRespondedTo,
        HasDataSet = false,
    };

    public static DicomCommand NActionRequest(ushort messageId, string sopClassUid, string sopInstanceUid, ushort actionTypeId, bool hasDataSet)
    {
        var command = Request(DicomCommandField.NActionRequest, messageId, sopClassUid, hasDataSet);
        command.RequestedSopInstanceUid = sopInstanceUid;
        command.ActionTypeId = actionTypeId;
        return command;
    }

    public static DicomCommand NEventReportRequest(ushort messageId, string sopClassUid, string sopInstanceUid, ushort eventTypeId, bool hasDataSet)
    {
        var command = Request(DicomCommandField.NEventReportRequest, messageId, sopClassUid, hasDataSet);
        command.AffectedSopInstanceUid = sopInstanceUid;
        command.EventTypeId = eventTypeId;
        return command;
    }
}
