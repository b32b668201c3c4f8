using Microsoft.EntityFrameworkCore.Design;

namespace Tinjau.Inspections.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
public sealed class DesignTimeInspectionsDbFactory : IDesignTimeDbContextFactory<InspectionsDb>
{
    public InspectionsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<InspectionsDb>().UseNpgsql("Host=localhost;Database=inspectionsdb").UseSnakeCaseNamingConvention().Options);
}
