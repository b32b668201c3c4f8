using Microsoft.EntityFrameworkCore.Design;

namespace Tinjau.Evaluations.Api.Data;

/// <summary>For <c>dotnet ef migrations add</c> only: no database is contacted.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<EvaluationsDbContext>
{
    public EvaluationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EvaluationsDbContext>()
            .UseNpgsql("Host=localhost;Database=evaluationsdb;Username=postgres")
            .UseSnakeCaseNamingConvention()
            .Options);
}
