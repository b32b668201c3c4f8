namespace Tinjau.UnitRegistry.Api.Apis;

/// <summary>Body of POST /api/units and PUT /api/units/{id} (the code cannot be changed by PUT).</summary>
public sealed record UnitRequest(
    string? Code,
    string? Name,
    string? Type,
    Guid? ParentId,
    string? Address,
    LocationDto? Location,
    string? TimeZone,
    List<ContactDto>? Contacts,
    HeadDto? Head);

/// <summary>How a unit is answered (the record is the registry's HTTP contract, in UnitRegistry.Contracts).</summary>
public static class UnitResponses
{
    extension(UnitResponse)
    {
        public static UnitResponse From(Unit u) => new(u.Id, u.Code, u.Name, u.Type.ToName(), u.ParentId, u.Address,
            u.Location is { } l ? new LocationDto(l.Latitude, l.Longitude) : null, u.TimeZoneId, IndonesianTimeZones.Abbreviation(u.TimeZoneId),
            u.IsActive, u.Contacts.Select(c => new ContactDto(c.Kind, c.Value, c.Label)).ToArray(),
            u.Head is { } h ? new HeadDto(h.Name, h.Title, h.Nip) : null, u.CreatedAt, u.UpdatedAt);
    }
}

public sealed record ComplaintStatsResponse(Guid UnitId, int Received, int HandedOn, int Resolved, int Reopened, int Open, int ResolvedWithinSla,
    double? ShareResolvedWithinSla, int SlaBreaches, int Ratings, double? AverageRating, DateTimeOffset? UpdatedAt)
{
    public static ComplaintStatsResponse From(Guid unitId, UnitComplaintStats s) => new(unitId, s.Received, s.HandedOn, s.Resolved, s.Reopened,
        s.Open, s.ResolvedWithinSla, s.ShareResolvedWithinSla, s.SlaBreaches, s.Ratings, s.AverageRating, s.UpdatedAt == default ? null : s.UpdatedAt);
}

public sealed record EvaluationResultResponse(int Period, decimal Ipp, string Category, string CategoryLabel, bool Mandiri,
    Guid EvaluationId, DateTimeOffset FinalizedAt)
{
    public static EvaluationResultResponse From(UnitEvaluationResult r) =>
        new(r.Period, r.Ipp, r.Category, r.CategoryLabel, r.Mandiri, r.EvaluationId, r.FinalizedAt);
}

public sealed record DirectoryEntryResponse(Guid UnitId, string Code, string Name, string Type, string TimeZone, int Depth,
    string CodePath, string NamePath, DateTimeOffset ProjectedAt)
{
    public static DirectoryEntryResponse From(UnitDirectoryEntry e) =>
        new(e.UnitId, e.Code, e.Name, e.Type, e.TimeZone, e.Depth, e.CodePath, e.NamePath, e.ProjectedAt);
}

public sealed class LocateOptions
{
    /// <summary>Configuration key <c>UnitRegistry:Locate:MaxDistanceKm</c>.</summary>
    public double MaxDistanceKm { get; set; } = KelurahanLocator.DefaultMaxDistanceKm;
}
