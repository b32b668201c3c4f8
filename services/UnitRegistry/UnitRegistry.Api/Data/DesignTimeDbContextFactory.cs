using Microsoft.EntityFrameworkCore.Design;

namespace Tinjau.UnitRegistry.Api.Data;

/// <summary>For <c>dotnet ef migrations add</c> only: no database is contacted.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<UnitRegistryDbContext>
{
    public UnitRegistryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<UnitRegistryDbContext>()
            .UseNpgsql("Host=localhost;Database=unitregistrydb;Username=postgres")
            .UseSnakeCaseNamingConvention()
            .Options);
}
