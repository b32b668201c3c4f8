using Microsoft.EntityFrameworkCore.Design;

namespace Microsoft.EntityFrameworkCore;

/// <summary>
/// For <c>dotnet ef</c> only: builds the model of a service's database without starting the service (no connection
/// is opened). A service derives one, naming its database and the options its runtime registration adds.
/// </summary>
public abstract class DesignTimeDatabase<TContext>(string database, Func<DbContextOptions<TContext>, TContext> create,
    Action<DbContextOptionsBuilder>? configure = null) : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql($"Host=localhost;Database={database}");
        configure?.Invoke(options);
        return create(options.Options);
    }
}
