namespace Tinjau.Inspections.Api.Data;

public sealed class DesignTimeInspectionsDbFactory()
    : DesignTimeDatabase<InspectionsDb>("inspectionsdb", o => new(o), o => o.UseSnakeCaseNamingConvention());
