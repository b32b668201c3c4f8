namespace Tinjau.UnitRegistry.Api.Domain;

public enum HolidayKind
{
    /// <summary>Hari libur nasional.</summary>
    National,

    /// <summary>Cuti bersama: collective leave days set by the SKB of three ministers.</summary>
    CutiBersama,
}

/// <summary>A national non-working day of the Indonesian calendar (hari libur nasional or cuti bersama).</summary>
public sealed class Holiday
{
    private Holiday()
    {
        Name = "";
    }

    public Guid Id { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; }
    public HolidayKind Kind { get; private set; }

    /// <summary>True for data entered from memory or drafts that an administrator still has to check against the SKB.</summary>
    public bool NeedsReview { get; private set; }

    public int Year => Date.Year;

    public static Holiday Create(Guid id, DateOnly date, string name, HolidayKind kind, bool needsReview)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Holiday { Id = id, Date = date, Name = name.Trim(), Kind = kind, NeedsReview = needsReview };
    }

    public void MarkReviewed() => NeedsReview = false;
}

public static class HolidayKinds
{
    public static string ToName(this HolidayKind kind) => kind switch
    {
        HolidayKind.National => "national",
        HolidayKind.CutiBersama => "cuti-bersama",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string? value, out HolidayKind kind)
    {
        kind = default;
        switch (value?.Trim().ToLowerInvariant())
        {
            case "national":
            case "libur-nasional":
                kind = HolidayKind.National;
                return true;
            case "cuti-bersama":
            case "cutibersama":
            case "cuti_bersama":
                kind = HolidayKind.CutiBersama;
                return true;
            default:
                return false;
        }
    }
}
