namespace Tinjau.Evaluations.Api.Data;

public sealed class DesignTimeDbContextFactory()
    : DesignTimeDatabase<EvaluationsDbContext>("evaluationsdb", o => new(o), o => o.UseSnakeCaseNamingConvention());
