namespace Tinjau.Inspections.Api.Domain;

/// <summary>Disciplinary penalties of PP 94/2021 for unexcused absence, from light to heavy.</summary>
public enum SanctionLevel
{
    SpokenReprimand = 1,
    WrittenReprimand = 2,
    WrittenStatementOfDissatisfaction = 3,
    AllowanceCut25Percent6Months = 4,
    AllowanceCut25Percent9Months = 5,
    AllowanceCut25Percent12Months = 6,
    Demotion12Months = 7,
    ReleaseFromPosition12Months = 8,
    Dismissal = 9,
}

public enum SanctionGravity
{
    Light,
    Medium,
    Heavy,
}

/// <summary>
/// PP 94/2021 ladder for unexcused absence days accumulated in one calendar year: 3 → spoken reprimand; 4–6 written
/// reprimand; 7–10 written statement of dissatisfaction (light); 11–13 / 14–16 / 17–20 allowance cut 25% for
/// 6 / 9 / 12 months (medium); 21–24 demotion for 12 months; 25–27 release from position for 12 months; ≥ 28, or 10
/// working days in a row, dismissal (heavy). The ladder only suggests: the officer's direct superior decides.
/// </summary>
public static class DisciplineLadder
{
    public const int ConsecutiveDaysForDismissal = 10;

    private static readonly Dictionary<SanctionLevel, string> Names = new()
    {
        [SanctionLevel.SpokenReprimand] = "spoken-reprimand",
        [SanctionLevel.WrittenReprimand] = "written-reprimand",
        [SanctionLevel.WrittenStatementOfDissatisfaction] = "written-statement-of-dissatisfaction",
        [SanctionLevel.AllowanceCut25Percent6Months] = "allowance-cut-25-6-months",
        [SanctionLevel.AllowanceCut25Percent9Months] = "allowance-cut-25-9-months",
        [SanctionLevel.AllowanceCut25Percent12Months] = "allowance-cut-25-12-months",
        [SanctionLevel.Demotion12Months] = "demotion-12-months",
        [SanctionLevel.ReleaseFromPosition12Months] = "release-from-position-12-months",
        [SanctionLevel.Dismissal] = "dismissal",
    };

    /// <summary>The suggested level, or null when the absences do not reach the ladder (fewer than 3 days).</summary>
    public static SanctionLevel? Suggest(int unexcusedDaysInYear, int longestConsecutiveRun = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unexcusedDaysInYear);
        if (longestConsecutiveRun >= ConsecutiveDaysForDismissal)
        {
            return SanctionLevel.Dismissal;
        }
        return unexcusedDaysInYear switch
        {
            < 3 => null,
            3 => SanctionLevel.SpokenReprimand,
            <= 6 => SanctionLevel.WrittenReprimand,
            <= 10 => SanctionLevel.WrittenStatementOfDissatisfaction,
            <= 13 => SanctionLevel.AllowanceCut25Percent6Months,
            <= 16 => SanctionLevel.AllowanceCut25Percent9Months,
            <= 20 => SanctionLevel.AllowanceCut25Percent12Months,
            <= 24 => SanctionLevel.Demotion12Months,
            <= 27 => SanctionLevel.ReleaseFromPosition12Months,
            _ => SanctionLevel.Dismissal,
        };
    }

    public static SanctionGravity Gravity(SanctionLevel level) => level switch
    {
        <= SanctionLevel.WrittenStatementOfDissatisfaction => SanctionGravity.Light,
        <= SanctionLevel.AllowanceCut25Percent12Months => SanctionGravity.Medium,
        _ => SanctionGravity.Heavy,
    };

    public static string Name(SanctionLevel level) => Names[level];

    public static bool TryParse(string? value, out SanctionLevel level)
    {
        foreach (var (l, n) in Names)
        {
            if (string.Equals(n, value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = l;
                return true;
            }
        }
        level = default;
        return false;
    }

    public static string Allowed => string.Join(", ", Names.Values);

    /// <summary>
    /// The longest run of consecutive working days among <paramref name="days"/>: two absences belong to one run when
    /// only non-working days lie between them — weekends, and the national holidays and cuti bersama of
    /// <paramref name="calendar"/> (without one, weekends only).
    /// </summary>
    public static int LongestConsecutiveRun(IEnumerable<DateOnly> days, WorkingDays? calendar = null)
    {
        calendar ??= new WorkingDays([]);
        var sorted = days.Distinct().Order().ToArray();
        var best = 0;
        var run = 0;
        DateOnly? previous = null;
        foreach (var day in sorted)
        {
            run = previous is { } p && calendar.AreAdjacentWorkingDays(p, day) ? run + 1 : 1;
            best = Math.Max(best, run);
            previous = day;
        }
        return best;
    }
}
