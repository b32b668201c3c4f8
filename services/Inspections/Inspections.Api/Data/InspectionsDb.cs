using System.Text;
using Microsoft.EntityFrameworkCore;
using Tinjau.Inspections.Api.Domain;
using Tinjau.Messaging;

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
        UseSnakeCaseColumns(modelBuilder);
    }

    /// <summary>Columns, keys and indexes in snake_case unless a configuration named them already.</summary>
    private static void UseSnakeCaseColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.IsConcurrencyToken && property.ClrType == typeof(uint))
                {
                    // PostgreSQL's system column: the row version for optimistic concurrency.
                    property.SetColumnName("xmin");
                    continue;
                }
                // An owned type's key shares its owner's key column.
                if (property.FindAnnotation("Relational:ColumnName") is null && !(entity.IsOwned() && property.IsPrimaryKey()))
                {
                    property.SetColumnName(SnakeCase(property.Name));
                }
            }
        }
    }

    internal static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

/// <summary>The bytes of an evidence file (PostgreSQL bytea), kept apart from its metadata so lists never load them.</summary>
public sealed class EvidenceContent
{
    public Guid EvidenceId { get; set; }
    public byte[] Content { get; set; } = [];
}
