namespace Tinjau.UnitRegistry.Api.Data;

public sealed class DesignTimeDbContextFactory()
    : DesignTimeDatabase<UnitRegistryDbContext>("unitregistrydb", o => new(o), o => o.UseSnakeCaseNamingConvention());
