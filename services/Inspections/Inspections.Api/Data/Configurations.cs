using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tinjau.Inspections.Api.Data;

internal sealed class SidakPlanConfiguration : IEntityTypeConfiguration<SidakPlan>
{
    public void Configure(EntityTypeBuilder<SidakPlan> b)
    {
        b.ToTableKeyedBy("sidak_plans", x => x.Id);
        b.HasMaxLength(200, x => x.CreatedBy, x => x.CancelledBy).HasMaxLength(300, x => x.Title);
        b.HasMaxLength(2000, x => x.CancelReason).HasMaxLength(4000, x => x.Notes);
        b.HasEnumNames(20, x => x.Status);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.WindowStart);
    }
}

internal sealed class SidakVisitConfiguration : IEntityTypeConfiguration<SidakVisit>
{
    public void Configure(EntityTypeBuilder<SidakVisit> b)
    {
        b.ToTableKeyedBy("sidak_visits", x => x.Id);
        b.HasMaxLength(40, x => x.UnitTimeZone).HasMaxLength(64, x => x.SubmissionFingerprint).HasMaxLength(100, x => x.ChecklistCode);
        b.HasMaxLength(200, x => x.SubmittedBy).HasMaxLength(4000, x => x.Summary);
        b.HasEnumNames(20, x => x.Status);
        b.Property(x => x.ComplianceScore).HasPrecision(5, 4);
        b.Property(x => x.Version).IsRowVersion();
        b.OwnsOne(x => x.CheckIn, c =>
        {
            c.Property(x => x.DeviceTime).HasColumnName("check_in_device_time");
            c.Property(x => x.ReceivedAt).HasColumnName("check_in_received_at");
            c.Property(x => x.Latitude).HasColumnName("check_in_latitude");
            c.Property(x => x.Longitude).HasColumnName("check_in_longitude");
            c.Property(x => x.AccuracyMetres).HasColumnName("check_in_accuracy_metres");
            c.Property(x => x.InsideServiceHours).HasColumnName("check_in_inside_service_hours");
            c.Property(x => x.DistanceMetres).HasColumnName("check_in_distance_metres");
            c.Property(x => x.Flags).HasColumnName("check_in_flags");
            c.Property(x => x.CheckedInBy).HasColumnName("checked_in_by").HasMaxLength(200);
        });
        b.Navigation(x => x.CheckIn).IsRequired();
        // The visit's parts, each row carrying the visit's id.
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.VisitId);
        b.HasMany(x => x.Attendance).WithOne().HasForeignKey(x => x.VisitId);
        b.HasMany(x => x.Findings).WithOne().HasForeignKey(x => x.VisitId);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.VisitId);
        b.HasMany(x => x.Amendments).WithOne().HasForeignKey(x => x.VisitId);
        b.HasMany(x => x.RecordEntries).WithOne().HasForeignKey(x => x.VisitId);
        b.HasIndex(x => new { x.UnitId, x.LocalDate });
        b.HasIndex(x => x.PlanId);
    }
}

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> b)
    {
        b.ToTableKeyedBy("checklist_templates", x => x.Id);
        b.HasMaxLength(100, x => x.Code).HasMaxLength(200, x => x.CreatedBy).HasMaxLength(300, x => x.Title);
        b.Property(x => x.ItemsJson).HasColumnName("items").HasColumnType("jsonb");
        b.Ignore(x => x.Items);
        b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
    }
}

internal sealed class ChecklistAnswerConfiguration : IEntityTypeConfiguration<ChecklistAnswer>
{
    public void Configure(EntityTypeBuilder<ChecklistAnswer> b)
    {
        b.ToTable("checklist_answers");
        b.HasKey(x => new { x.VisitId, x.ItemCode });
        b.HasMaxLength(100, x => x.ItemCode).HasMaxLength(2000, x => x.Note);
        b.HasEnumNames(20, x => x.Answer);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.ToTableKeyedBy("findings", x => x.Id);
        b.HasMaxLength(100, x => x.Category, x => x.ChecklistItem).HasMaxLength(4000, x => x.Description);
        b.HasEnumNames(20, x => x.Severity);
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class UnitOfficerConfiguration : IEntityTypeConfiguration<UnitOfficer>
{
    public void Configure(EntityTypeBuilder<UnitOfficer> b)
    {
        b.ToTableKeyedBy("unit_officers", x => x.Id);
        b.HasMaxLength(40, x => x.StaffNumber).HasMaxLength(200, x => x.Name, x => x.Position).HasMaxLength(400, x => x.Key);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> b)
    {
        b.ToTableKeyedBy("attendance_records", x => x.Id);
        b.HasMaxLength(40, x => x.StaffNumber).HasMaxLength(200, x => x.Name, x => x.Position).HasMaxLength(2000, x => x.Note);
        b.HasEnumNames(30, x => x.Status);
        b.HasOne<UnitOfficer>().WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        // One record per person per visit; the yearly count takes distinct days per officer.
        b.HasIndex(x => new { x.VisitId, x.OfficerId }).IsUnique();
        b.HasIndex(x => new { x.OfficerId, x.Date });
    }
}

internal sealed class EvidenceItemConfiguration : IEntityTypeConfiguration<EvidenceItem>
{
    public void Configure(EntityTypeBuilder<EvidenceItem> b)
    {
        b.ToTableKeyedBy("evidence", x => x.Id);
        b.HasMaxLength(64, x => x.Sha256).HasMaxLength(100, x => x.ContentType).HasMaxLength(255, x => x.FileName);
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> b)
    {
        b.IsContentOf<EvidenceContent, EvidenceItem>("evidence_contents", x => x.EvidenceId, x => x.Content, DeleteBehavior.Restrict);
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> b)
    {
        b.ToTableKeyedBy("amendments", x => x.Id);
        b.HasMaxLength(200, x => x.Target, x => x.By).HasMaxLength(2000, x => x.Reason).HasMaxLength(4000, x => x.Correction);
    }
}

internal sealed class VisitRecordEntryConfiguration : IEntityTypeConfiguration<VisitRecordEntry>
{
    public void Configure(EntityTypeBuilder<VisitRecordEntry> b)
    {
        b.ToTable("visit_record_entries");
        b.HasKey(x => new { x.VisitId, x.Sequence });
        b.HasMaxLength(50, x => x.Kind).HasMaxLength(64, x => x.PreviousHash, x => x.Hash).HasMaxLength(200, x => x.RecordedBy);
        // text, not jsonb: the canonical bytes must survive exactly.
        b.Property(x => x.Payload).HasColumnType("text");
    }
}

internal sealed class ClarificationRequestConfiguration : IEntityTypeConfiguration<ClarificationRequest>
{
    public void Configure(EntityTypeBuilder<ClarificationRequest> b)
    {
        b.ToTableKeyedBy("clarification_requests", x => x.Id);
        b.HasMaxLength(200, x => x.RequestedBy, x => x.AnsweredBy, x => x.ReviewedBy);
        b.HasMaxLength(4000, x => x.Question, x => x.ReviewNote).HasMaxLength(8000, x => x.Answer);
        b.HasEnumNames(20, x => x.Status);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.UnitId, x.Status });
        b.HasIndex(x => x.FindingId);
    }
}

internal sealed class SanctionRecommendationConfiguration : IEntityTypeConfiguration<SanctionRecommendation>
{
    public void Configure(EntityTypeBuilder<SanctionRecommendation> b)
    {
        b.ToTableKeyedBy("sanction_recommendations", x => x.Id);
        b.HasMaxLength(200, x => x.SuperiorName, x => x.SuperiorPosition, x => x.DecidedByName, x => x.RecommendedBy, x => x.RecordedBy);
        b.HasMaxLength(2000, x => x.Basis).HasMaxLength(4000, x => x.DecisionNote);
        b.HasEnumNames(20, x => x.Decision).HasEnumNames(30, x => x.Status).HasEnumNames(50, x => x.RecommendedLevel, x => x.DecidedLevel);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<ClarificationRequest>().WithOne().HasForeignKey<SanctionRecommendation>(x => x.ClarificationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UnitOfficer>().WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.UnitId, x.Status });
    }
}
