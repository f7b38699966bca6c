using Teleread.Dicom.Network;

namespace Teleread.Server.Dimse;

/// <summary>Sub-operation counts of one C-MOVE (PS3.4 C.4.2.1.5), as its pending and final responses report them.</summary>
internal sealed class MoveCounts(int total)
{
    private readonly int _total = total;

    public int Remaining { get; private set; } = total;

    public int Completed { get; private set; }

    public int Failed { get; private set; }

    public int Warning { get; private set; }

    public DicomSubOperations Current => new(U(Remaining), U(Completed), U(Failed), U(Warning));

    /// <summary>The final response carries no remaining count unless the operation was cancelled.</summary>
    public DicomSubOperations Final => Current with { Remaining = null };

    public DicomSubOperations AllFailed() => new(null, 0, U(_total), 0);

    public void Record(DicomStatus status)
    {
        Remaining--;
        if (status.IsSuccess)
        {
            Completed++;
        }
        else if (status.IsWarning)
        {
            Warning++;
        }
        else
        {
            Failed++;
        }
    }

    private static ushort U(int value) => (ushort)Math.Min(value, ushort.MaxValue);
}
