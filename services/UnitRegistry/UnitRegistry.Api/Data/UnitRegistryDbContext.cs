using Tinjau.Messaging;

namespace Tinjau.UnitRegistry.Api.Data;

public sealed class UnitRegistryDbContext(DbContextOptions<UnitRegistryDbContext> options) : DbContext(options)
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<ServiceOffering> Services => Set<ServiceOffering>();
    public DbSet<Holiday> Holidays => Set<Holiday>();
    public DbSet<UnitDirectoryEntry> DirectoryEntries => Set<UnitDirectoryEntry>();
    public DbSet<UnitComplaintStats> ComplaintStats => Set<UnitComplaintStats>();
    public DbSet<UnitEvaluationResult> EvaluationResults => Set<UnitEvaluationResult>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Unit>(b =>
        {
            b.ToTableKeyedBy("units", x => x.Id);
            b.HasMaxLength(40, x => x.Code, x => x.TimeZoneId).HasMaxLength(200, x => x.Name).HasMaxLength(500, x => x.Address);
            b.AreRequired(x => x.Code, x => x.Name, x => x.TimeZoneId);
            b.HasIndex(x => x.Code).IsUnique();
            b.Property(x => x.Type).HasConversion(t => t.ToName(), s => ParseType(s)).HasMaxLength(20);
            b.HasIndex(x => x.Type);
            b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            b.Property(x => x.Contacts).HasJsonConversion();
            b.Property(x => x.Head).HasJsonConversion();
            b.Property(x => x.ServiceHours).HasJsonConversion();
            b.Property(x => x.Maklumat).HasJsonConversion();
            b.Ignore(x => x.Location);
        });

        modelBuilder.Entity<ServiceOffering>(b =>
        {
            b.ToTableKeyedBy("unit_services", x => x.Id);
            b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
            b.HasMaxLength(200, x => x.Name).AreRequired(x => x.Name).HasMaxLength(2000, x => x.Description);
            b.HasIndex(x => new { x.UnitId, x.Name }).IsUnique();
            b.Property(x => x.Standard).HasJsonConversion();
        });

        modelBuilder.Entity<Holiday>(b =>
        {
            b.ToTableKeyedBy("holidays", x => x.Id);
            b.HasMaxLength(200, x => x.Name).AreRequired(x => x.Name);
            b.Property(x => x.Kind).HasConversion(k => k.ToName(), s => ParseKind(s)).HasMaxLength(20);
            b.HasIndex(x => new { x.Date, x.Kind }).IsUnique();
            b.Ignore(x => x.Year);
        });

        modelBuilder.Entity<UnitDirectoryEntry>(b =>
        {
            b.ToTableKeyedBy("unit_directory_entries", x => x.UnitId);
            b.HasMaxLength(40, x => x.Code, x => x.TimeZone).HasMaxLength(200, x => x.Name).HasMaxLength(20, x => x.Type);
            b.HasMaxLength(400, x => x.CodePath).HasMaxLength(2000, x => x.NamePath);
            b.HasIndex(x => x.CodePath);
        });

        modelBuilder.Entity<UnitComplaintStats>(b =>
        {
            b.ToTableKeyedBy("unit_complaint_stats", x => x.UnitId);
            b.Ignore(x => x.Open);
            b.Ignore(x => x.AverageRating);
            b.Ignore(x => x.ShareResolvedWithinSla);
            b.Property(x => x.Version).IsRowVersion();
        });

        modelBuilder.Entity<UnitEvaluationResult>(b =>
        {
            b.ToTable("unit_evaluation_results");
            b.HasKey(x => new { x.UnitId, x.Period });
            b.Property(x => x.Ipp).HasPrecision(4, 2);
            b.HasMaxLength(4, x => x.Category).HasMaxLength(60, x => x.CategoryLabel);
            b.Property(x => x.Version).IsRowVersion();
        });

        modelBuilder.AddMessagingTables();
    }

    private static UnitType ParseType(string s) => UnitTypes.TryParse(s, out var t) ? t : UnitType.Other;

    private static HolidayKind ParseKind(string s) => HolidayKinds.TryParse(s, out var k) ? k : HolidayKind.National;
}
