using Microsoft.EntityFrameworkCore;

namespace Tinjau.Messaging.Tests.Contracts
{
    /// <summary>Published through the outbox in the tests.</summary>
    public sealed record ThingRegistered(Guid ThingId, string Code);

    /// <summary>Consumed through the inbox in the tests.</summary>
    public sealed record CounterBumped(Guid CounterId);
}

namespace Tinjau.Messaging.Tests
{
    public sealed class Thing
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
    }

    public sealed class Counter
    {
        public Guid Id { get; set; }
        public int Value { get; set; }
    }

    public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
    {
        public DbSet<Thing> Things => Set<Thing>();
        public DbSet<Counter> Counters => Set<Counter>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Thing>().Property(x => x.Code).HasMaxLength(100);
            modelBuilder.AddMessagingTables();
        }
    }
}
