namespace Teleread.Reading.Domain;

/// <summary>Tuning of the assignment engine.</summary>
public sealed record AssignmentOptions
{
    /// <summary>Open cases a radiologist may hold at once; 1 keeps everything else in the pool, in deadline order.</summary>
    public int MaxOpenCasesPerRadiologist { get; init; } = 1;

    /// <summary>Do not hand out a case the radiologist cannot finish before their shift ends (urgent cases excepted).</summary>
    public bool RequireShiftCoverage { get; init; } = true;
}
