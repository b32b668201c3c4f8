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
            b.ToTable("units");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Code).HasMaxLength(40).IsRequired();
            b.HasIndex(x => x.Code).IsUnique();
            b.Property(x => x.Name).HasMaxLength(200).IsRequired();
            b.Property(x => x.Type).HasConversion(t => t.ToName(), s => ParseType(s)).HasMaxLength(20);
            b.HasIndex(x => x.Type);
            b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            b.Property(x => x.Address).HasMaxLength(500);
            b.Property(x => x.TimeZoneId).HasMaxLength(40).IsRequired();
            b.Property(x => x.Contacts).HasJsonConversion();
            b.Property(x => x.Head).HasJsonConversion();
            b.Property(x => x.ServiceHours).HasJsonConversion();
            b.Property(x => x.Maklumat).HasJsonConversion();
            b.Ignore(x => x.Location);
        });

        modelBuilder.Entity<ServiceOffering>(b =>
        {
            b.ToTable("unit_services");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.Name).HasMaxLength(200).IsRequired();
            b.HasIndex(x => new { x.UnitId, x.Name }).IsUnique();
            b.Property(x => x.Description).HasMaxLength(2000);
            b.Property(x => x.Standard).HasJsonConversion();
        });

        modelBuilder.Entity<Holiday>(b =>
        {
            b.ToTable("holidays");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Name).HasMaxLength(200).IsRequired();
            b.Property(x => x.Kind).HasConversion(k => k.ToName(), s => ParseKind(s)).HasMaxLength(20);
            b.HasIndex(x => new { x.Date, x.Kind }).IsUnique();
            b.Ignore(x => x.Year);
        });

        modelBuilder.Entity<UnitDirectoryEntry>(b =>
        {
            b.ToTable("unit_directory_entries");
            b.HasKey(x => x.UnitId);
            b.Property(x => x.UnitId).ValueGeneratedNever();
            b.Property(x => x.Code).HasMaxLength(40);
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Type).HasMaxLength(20);
            b.Property(x => x.TimeZone).HasMaxLength(40);
            b.Property(x => x.CodePath).HasMaxLength(400);
            b.Property(x => x.NamePath).HasMaxLength(2000);
            b.HasIndex(x => x.CodePath);
        });

        modelBuilder.Entity<UnitComplaintStats>(b =>
        {
            b.ToTable("unit_complaint_stats");
            b.HasKey(x => x.UnitId);
            b.Property(x => x.UnitId).ValueGeneratedNever();
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
            b.Property(x => x.Category).HasMaxLength(4);
            b.Property(x => x.CategoryLabel).HasMaxLength(60);
            b.Property(x => x.Version).IsRowVersion();
        });

        modelBuilder.AddMessagingTables();
    }

    private static UnitType ParseType(string s) => UnitTypes.TryParse(s, out var t) ? t : UnitType.Other;

    private static HolidayKind ParseKind(string s) => HolidayKinds.TryParse(s, out var k) ? k : HolidayKind.National;
}
