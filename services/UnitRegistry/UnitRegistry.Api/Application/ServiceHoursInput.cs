namespace Tinjau.UnitRegistry.Api.Application;

/// <summary>Reads a <see cref="ServiceHoursDto"/> into <see cref="ServiceHours"/>, with a field error for every wrong part.</summary>
public static class ServiceHoursInput
{
    public static ServiceHours? Parse(ServiceHoursDto dto, FieldErrors errors)
    {
        var weekly = ParseDays(dto.Weekly, "weekly", errors);
        var exceptions = new List<ServiceHoursException>();
        for (var i = 0; i < (dto.Exceptions?.Count ?? 0); i++)
        {
            var e = dto.Exceptions![i];
            var prefix = $"exceptions[{i}]";
            if (e is null)
            {
                errors.Add(prefix, "required");
                continue;
            }
            if (e.From is null)
            {
                errors.Add($"{prefix}.from", "required (yyyy-MM-dd)");
            }
            if (e.To is null)
            {
                errors.Add($"{prefix}.to", "required (yyyy-MM-dd)");
            }
            if (e.From is { } f && e.To is { } t && t < f)
            {
                errors.Add($"{prefix}.to", "must not be before from");
            }
            if (string.IsNullOrWhiteSpace(e.Reason) || e.Reason.Length > 200)
            {
                errors.Add($"{prefix}.reason", "required (e.g. Ramadan), at most 200 characters");
            }
            Dictionary<DayOfWeek, DaySchedule>? days = null;
            if (e.Closed)
            {
                if (e.Days is { Count: > 0 })
                {
                    errors.Add($"{prefix}.days", "a closure has no hours");
                }
            }
            else if (e.Days is not { Count: > 0 })
            {
                errors.Add($"{prefix}.days", "give the hours per weekday, or set closed");
            }
            else
            {
                days = ParseDays(e.Days, $"{prefix}.days", errors);
            }
            if (!errors.Any)
            {
                exceptions.Add(new ServiceHoursException(e.From!.Value, e.To!.Value, e.Reason!, e.Closed, days));
            }
        }
        return errors.Any ? null : new ServiceHours(weekly ?? [], exceptions, dto.OpenOnHolidays);
    }

    private static Dictionary<DayOfWeek, DaySchedule>? ParseDays(List<DayScheduleDto>? days, string prefix, FieldErrors errors)
    {
        var result = new Dictionary<DayOfWeek, DaySchedule>();
        for (var i = 0; i < (days?.Count ?? 0); i++)
        {
            var d = days![i];
            var p = $"{prefix}[{i}]";
            if (d is null)
            {
                errors.Add(p, "required");
                continue;
            }
            if (!TryParseDay(d.Day, out var day))
            {
                errors.Add($"{p}.day", "must be a weekday: monday … sunday (or senin … minggu)");
                continue;
            }
            if (result.ContainsKey(day))
            {
                errors.Add($"{p}.day", $"{day} is listed twice");
                continue;
            }
            if (d.AllDay)
            {
                if (d.Ranges is { Count: > 0 })
                {
                    errors.Add($"{p}.ranges", "a day open 24 hours has no ranges");
                    continue;
                }
                result[day] = DaySchedule.AroundTheClock;
                continue;
            }
            var ranges = new List<TimeRange>();
            for (var j = 0; j < (d.Ranges?.Count ?? 0); j++)
            {
                var r = d.Ranges![j];
                try
                {
                    ranges.Add(TimeRange.Parse(r?.Opens ?? "", r?.Closes ?? ""));
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException)
                {
                    errors.Add($"{p}.ranges[{j}]", ex.Message);
                }
            }
            try
            {
                result[day] = new DaySchedule(false, ranges);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"{p}.ranges", ex.Message);
            }
        }
        return result;
    }

    private static bool TryParseDay(string? s, out DayOfWeek day)
    {
        day = default;
        switch (s?.Trim().ToLowerInvariant())
        {
            case "monday" or "mon" or "senin": day = DayOfWeek.Monday; return true;
            case "tuesday" or "tue" or "selasa": day = DayOfWeek.Tuesday; return true;
            case "wednesday" or "wed" or "rabu": day = DayOfWeek.Wednesday; return true;
            case "thursday" or "thu" or "kamis": day = DayOfWeek.Thursday; return true;
            case "friday" or "fri" or "jumat": day = DayOfWeek.Friday; return true;
            case "saturday" or "sat" or "sabtu": day = DayOfWeek.Saturday; return true;
            case "sunday" or "sun" or "minggu": day = DayOfWeek.Sunday; return true;
            default: return false;
        }
    }
}
