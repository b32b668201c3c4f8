namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>
/// A unit's live complaint figures, kept from the Complaints service's events (a read model: the complaints
/// themselves live in that service). "Open" is what the unit holds now: complaints routed to it, less those it
/// handed on to another unit or resolved, plus resolved ones a citizen reopened.
/// </summary>
public sealed class UnitComplaintStats
{
    private UnitComplaintStats()
    {
    }

    public Guid UnitId { get; private set; }
    public int Received { get; private set; }
    public int HandedOn { get; private set; }
    public int Resolved { get; private set; }
    public int ResolvedWithinSla { get; private set; }
    public int Reopened { get; private set; }
    public int SlaBreaches { get; private set; }
    public int Ratings { get; private set; }
    public int RatingSum { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token (PostgreSQL <c>xmin</c>): two instances counting at once conflict instead of losing one.</summary>
    public uint Version { get; private set; }

    public int Open => Math.Max(0, Received - HandedOn - Resolved + Reopened);

    public double? AverageRating => Ratings == 0 ? null : Math.Round((double)RatingSum / Ratings, 2);

    /// <summary>Resolutions that stand: every resolution less those withdrawn by a reopening from Selesai.</summary>
    public int StandingResolutions => Math.Max(0, Resolved - Reopened);

    public double? ShareResolvedWithinSla => StandingResolutions == 0 ? null : Math.Round((double)ResolvedWithinSla / StandingResolutions, 4);

    public static UnitComplaintStats For(Guid unitId) => new() { UnitId = unitId };

    public void Receive(DateTimeOffset at) => Touch(at, () => Received++);

    public void HandOn(DateTimeOffset at) => Touch(at, () => HandedOn++);

    public void Resolve(bool withinSla, DateTimeOffset at) => Touch(at, () =>
    {
        Resolved++;
        if (withinSla)
        {
            ResolvedWithinSla++;
        }
    });

    public void Reopen(DateTimeOffset at) => Touch(at, () => Reopened++);

    /// <summary>
    /// A reopening withdrew a resolution (<see cref="Reopen"/> counts the complaint open again): it no longer counts as
    /// resolved within the SLA, and its rating is no longer in the average.
    /// </summary>
    public void WithdrawResolution(bool? withinSla, int? rating, DateTimeOffset at) => Touch(at, () =>
    {
        if (withinSla == true && ResolvedWithinSla > 0)
        {
            ResolvedWithinSla--;
        }
        if (rating is >= 1 and <= 5 && Ratings > 0)
        {
            Ratings--;
            RatingSum -= rating.Value;
        }
    });

    public void Breach(DateTimeOffset at) => Touch(at, () => SlaBreaches++);

    public void Rate(int rating, DateTimeOffset at)
    {
        if (rating is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "A rating is 1 to 5.");
        }
        Touch(at, () =>
        {
            Ratings++;
            RatingSum += rating;
        });
    }

    private void Touch(DateTimeOffset at, Action change)
    {
        change();
        if (at > UpdatedAt)
        {
            UpdatedAt = at;
        }
    }
}
