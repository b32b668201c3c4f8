namespace Tinjau.Inspections.Api.Application;

/// <summary>
/// On-site check-in: starts a visit, asking the unit registry for location, time zone and service hours. Nothing is
/// published: a visit is known to the unit only once it is submitted (<see cref="SidakSecrecy"/>).
/// </summary>
public sealed class VisitCheckIn(InspectionsDb db, InspectionsScope scope, IUnitRegistry registry, IOptions<InspectionsOptions> options,
    TimeProvider clock)
{
    public async Task<Outcome<VisitView>> CheckInAsync(CheckInRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.VisitId is null || request.VisitId == Guid.Empty)
        {
            errors.Add("visitId", "is required (generated on the device)");
        }
        if (request.UnitId is null || request.UnitId == Guid.Empty)
        {
            errors.Add("unitId", "is required");
        }
        Validate(request.DeviceTime, request.Latitude, request.Longitude, request.AccuracyMetres, "", errors);
        if (errors.Any)
        {
            return Refusal.Invalid(errors);
        }
        var visitId = request.VisitId!.Value;
        var existing = await db.Visits.VisibleTo(scope).LoadAsync(visitId, ct);
        if (existing is not null)
        {
            return existing.SameCheckIn(request.PlanId, request.UnitId!.Value, request.DeviceTime!.Value, request.Latitude!.Value, request.Longitude!.Value)
                ? scope.ViewFor(existing)
                : Refusal.Conflict("Another check-in already uses this visit id.");
        }
        var visit = await StartAsync(visitId, request.PlanId, request.UnitId!.Value, request.DeviceTime!.Value, request.Latitude!.Value,
            request.Longitude!.Value, request.AccuracyMetres, errors, ct);
        if (visit is null)
        {
            return Refusal.Invalid(errors);
        }
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        return Outcome<VisitView>.Created(scope.ViewFor(visit));
    }

    /// <summary>The fields of a check-in, alone or inside a submission (<paramref name="prefix"/> <c>checkIn.</c>).</summary>
    internal static void Validate(DateTimeOffset? deviceTime, double? latitude, double? longitude, double? accuracy, string prefix, FieldErrors errors)
    {
        if (deviceTime is null)
        {
            errors.Add(prefix + "deviceTime", "is required (ISO 8601 with offset)");
        }
        if (latitude is null || longitude is null || !GeoDistance.IsValid(latitude.Value, longitude.Value))
        {
            errors.Add(prefix + "latitude", "latitude (−90…90) and longitude (−180…180) are required");
        }
        if (accuracy is { } a && (!double.IsFinite(a) || a < 0))
        {
            errors.Add(prefix + "accuracyMetres", "must be zero or more");
        }
    }

    /// <summary>Builds a new visit from a check-in (not yet added to the context); null with <paramref name="errors"/> when refused.</summary>
    internal async Task<SidakVisit?> StartAsync(Guid visitId, Guid? planId, Guid unitId, DateTimeOffset deviceTime, double latitude,
        double longitude, double? accuracy, FieldErrors errors, CancellationToken ct)
    {
        var opts = options.Value;
        SidakPlan? plan = null;
        if (planId is { } pid)
        {
            plan = await db.Plans.VisibleTo(scope).FirstOrDefaultAsync(p => p.Id == pid, ct);
            if (plan is null)
            {
                errors.Add("planId", "there is no such plan");
            }
        }
        UnitInfo? unit = null;
        var registryDown = false;
        try
        {
            unit = await registry.GetUnitAsync(unitId, ct);
            if (unit is null)
            {
                errors.Add("unitId", "is not in the unit registry");
            }
        }
        catch (UnitRegistryUnavailableException)
        {
            registryDown = true;
        }
        if (errors.Any)
        {
            return null;
        }

        var zone = UnitZones.Find(unit?.TimeZone, opts.DefaultTimeZone);
        bool? inside = registryDown ? null : await registry.IsInsideServiceHoursAsync(unitId, deviceTime, ct);
        double? distance = unit is { Latitude: { } ulat, Longitude: { } ulon } ? GeoDistance.Metres(latitude, longitude, ulat, ulon) : null;
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(deviceTime, zone.Zone).DateTime);
        var now = clock.GetUtcNow();
        var flags = CheckInAssessment.Assess(inside, distance, opts.MaxCheckInDistanceMetres, deviceTime, now, opts.MaxDeviceClockSkew,
            localDate, plan?.WindowStart, plan?.WindowEnd, opts.MaxBackdating);
        return SidakVisit.Start(visitId, plan, unitId, zone.Id, localDate, new CheckIn
        {
            DeviceTime = deviceTime,
            ReceivedAt = now,
            Latitude = latitude,
            Longitude = longitude,
            AccuracyMetres = accuracy,
            InsideServiceHours = inside,
            DistanceMetres = distance,
            Flags = flags,
            CheckedInBy = scope.Subject,
        }, now);
    }
}
