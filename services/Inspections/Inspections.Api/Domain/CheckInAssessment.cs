namespace Tinjau.Inspections.Api.Domain;

/// <summary>Why a check-in deserves a second look. A flagged check-in is still accepted.</summary>
[Flags]
public enum CheckInFlags
{
    None = 0,
    /// <summary>The device time is outside the unit's service hours.</summary>
    OutsideServiceHours = 1,
    /// <summary>The device is farther from the unit than the configured distance.</summary>
    FarFromUnit = 2,
    /// <summary>The unit registry could not tell the unit's location (unreachable, or no location recorded).</summary>
    LocationUnverified = 4,
    /// <summary>The unit registry could not tell whether the instant was inside service hours.</summary>
    ServiceHoursUnverified = 8,
    /// <summary>The visit day (unit's time zone) is outside the plan's date window.</summary>
    OutsidePlanWindow = 16,
    /// <summary>The device clock is ahead of the server's by more than the allowed skew.</summary>
    DeviceClockAhead = 32,
    /// <summary>
    /// The device time lies more than the allowed backdating before the server received the visit (an offline visit
    /// submitted long after, or a wrong date): its findings and attendance carry the flag, and a sanction resting on it
    /// waits for a satgas lead's confirmation.
    /// </summary>
    Backdated = 64,
}

/// <summary>The pure rule that flags a check-in from what the unit registry and the device said.</summary>
public static class CheckInAssessment
{
    public static CheckInFlags Assess(bool? insideServiceHours, double? distanceMetres, double maxDistanceMetres,
        DateTimeOffset deviceTime, DateTimeOffset receivedAt, TimeSpan maxClockSkew,
        DateOnly visitDay, DateOnly? windowStart, DateOnly? windowEnd, TimeSpan? maxBackdating = null)
    {
        var flags = CheckInFlags.None;
        flags |= insideServiceHours switch
        {
            false => CheckInFlags.OutsideServiceHours,
            null => CheckInFlags.ServiceHoursUnverified,
            _ => CheckInFlags.None,
        };
        if (distanceMetres is null)
        {
            flags |= CheckInFlags.LocationUnverified;
        }
        else if (distanceMetres.Value > maxDistanceMetres)
        {
            flags |= CheckInFlags.FarFromUnit;
        }
        if (deviceTime - receivedAt > maxClockSkew)
        {
            flags |= CheckInFlags.DeviceClockAhead;
        }
        if (maxBackdating is { } back && receivedAt - deviceTime > back)
        {
            flags |= CheckInFlags.Backdated;
        }
        if ((windowStart is { } start && visitDay < start) || (windowEnd is { } end && visitDay > end))
        {
            flags |= CheckInFlags.OutsidePlanWindow;
        }
        return flags;
    }

    public static IReadOnlyList<string> Names(CheckInFlags flags) =>
        Enum.GetValues<CheckInFlags>().Where(f => f != CheckInFlags.None && flags.HasFlag(f)).Select(f => Kebab.Of(f.ToString())).ToArray();
}
