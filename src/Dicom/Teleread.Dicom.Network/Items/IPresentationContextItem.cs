using Teleread.Dicom.Network.Pdus;

namespace Teleread.Dicom.Network.Items;

/// <summary>The presentation context item of one of the two A-ASSOCIATE PDUs (RQ: 20H, AC: 21H), read and written by <see cref="AssociateBody"/>.</summary>
internal interface IPresentationContextItem<TSelf>
    where TSelf : IPresentationContextItem<TSelf>
{
    static abstract byte Type { get; }

    static abstract TSelf Read(ReadOnlySpan<byte> value);

    int Length { get; }

    void Write(ref PduSpanWriter writer);
}
