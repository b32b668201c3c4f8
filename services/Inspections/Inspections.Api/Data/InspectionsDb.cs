namespace Tinjau.Inspections.Api.Data;

public sealed class InspectionsDb(DbContextOptions<InspectionsDb> options) : DbContext(options)
{
    public DbSet<SidakPlan> Plans => Set<SidakPlan>();
    public DbSet<SidakVisit> Visits => Set<SidakVisit>();
    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();
    public DbSet<ChecklistAnswer> ChecklistAnswers => Set<ChecklistAnswer>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<UnitOfficer> Officers => Set<UnitOfficer>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();
    public DbSet<EvidenceItem> Evidence => Set<EvidenceItem>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();
    public DbSet<Amendment> Amendments => Set<Amendment>();
    public DbSet<VisitRecordEntry> RecordEntries => Set<VisitRecordEntry>();
    public DbSet<ClarificationRequest> Clarifications => Set<ClarificationRequest>();
    public DbSet<SanctionRecommendation> Sanctions => Set<SanctionRecommendation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InspectionsDb).Assembly);
        modelBuilder.AddMessagingTables();
    }
}

/// <summary>The bytes of an evidence file (PostgreSQL bytea), kept apart from its metadata so lists never load them.</summary>
public sealed class EvidenceContent
{
    public Guid EvidenceId { get; set; }
    public byte[] Content { get; set; } = [];
}
