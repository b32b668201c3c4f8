namespace Tinjau.UnitRegistry.Api.Apis;

public static class UnitRegistryApi
{
    /// <summary>
    /// Maps every endpoint under /api. Reads are public (the unit directory, service hours, catalogue and calendar
    /// are public information); every write is for admins only.
    /// </summary>
    public static IEndpointRouteBuilder MapUnitRegistryApi(this IEndpointRouteBuilder app)
    {
        var reads = app.MapGroup("/api");
        var writes = app.MapGroup("/api").RequireAuthorization(Policies.Admin);

        UnitsApi.MapUnitsApi(reads, writes);
        UnitImportApi.MapUnitImportApi(writes);
        ServiceHoursApi.MapServiceHoursApi(reads, writes);
        ServiceCatalogueApi.MapServiceCatalogueApi(reads, writes);
        CalendarApi.MapCalendarApi(reads, writes);
        return app;
    }
}
