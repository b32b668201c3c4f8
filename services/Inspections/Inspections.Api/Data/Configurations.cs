using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tinjau.Inspections.Api.Data;

internal sealed class SidakPlanConfiguration : IEntityTypeConfiguration<SidakPlan>
{
    public void Configure(EntityTypeBuilder<SidakPlan> b)
    {
        b.ToTable("sidak_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.CancelledBy).HasMaxLength(200);
        b.Property(x => x.CancelReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.WindowStart);
    }
}

internal sealed class SidakVisitConfiguration : IEntityTypeConfiguration<SidakVisit>
{
    public void Configure(EntityTypeBuilder<SidakVisit> b)
    {
        b.ToTable("sidak_visits");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.UnitTimeZone).HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubmittedBy).HasMaxLength(200);
        b.Property(x => x.SubmissionFingerprint).HasMaxLength(64);
        b.Property(x => x.ChecklistCode).HasMaxLength(100);
        b.Property(x => x.ComplianceScore).HasPrecision(5, 4);
        b.Property(x => x.Summary).HasMaxLength(4000);
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
        b.ToTable("checklist_templates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.ItemsJson).HasColumnName("items").HasColumnType("jsonb");
        b.Property(x => x.CreatedBy).HasMaxLength(200);
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
        b.Property(x => x.ItemCode).HasMaxLength(100);
        b.Property(x => x.Answer).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(2000);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.ToTable("findings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Category).HasMaxLength(100);
        b.Property(x => x.ChecklistItem).HasMaxLength(100);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class UnitOfficerConfiguration : IEntityTypeConfiguration<UnitOfficer>
{
    public void Configure(EntityTypeBuilder<UnitOfficer> b)
    {
        b.ToTable("unit_officers");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Key).HasMaxLength(400);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.StaffNumber).HasMaxLength(40);
        b.Property(x => x.Position).HasMaxLength(200);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> b)
    {
        b.ToTable("attendance_records");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.StaffNumber).HasMaxLength(40);
        b.Property(x => x.Position).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Note).HasMaxLength(2000);
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
        b.ToTable("evidence");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

internal sealed class EvidenceContentConfiguration : IEntityTypeConfiguration<EvidenceContent>
{
    public void Configure(EntityTypeBuilder<EvidenceContent> b)
    {
        b.ToTable("evidence_contents");
        b.HasKey(x => x.EvidenceId);
        b.Property(x => x.EvidenceId).ValueGeneratedNever();
        b.Property(x => x.Content).HasColumnType("bytea");
        b.HasOne<EvidenceItem>().WithOne().HasForeignKey<EvidenceContent>(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AmendmentConfiguration : IEntityTypeConfiguration<Amendment>
{
    public void Configure(EntityTypeBuilder<Amendment> b)
    {
        b.ToTable("amendments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Target).HasMaxLength(200);
        b.Property(x => x.Correction).HasMaxLength(4000);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.By).HasMaxLength(200);
    }
}

internal sealed class VisitRecordEntryConfiguration : IEntityTypeConfiguration<VisitRecordEntry>
{
    public void Configure(EntityTypeBuilder<VisitRecordEntry> b)
    {
        b.ToTable("visit_record_entries");
        b.HasKey(x => new { x.VisitId, x.Sequence });
        b.Property(x => x.Kind).HasMaxLength(50);
        // text, not jsonb: the canonical bytes must survive exactly.
        b.Property(x => x.Payload).HasColumnType("text");
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.PreviousHash).HasMaxLength(64);
        b.Property(x => x.Hash).HasMaxLength(64);
    }
}

internal sealed class ClarificationRequestConfiguration : IEntityTypeConfiguration<ClarificationRequest>
{
    public void Configure(EntityTypeBuilder<ClarificationRequest> b)
    {
        b.ToTable("clarification_requests");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Question).HasMaxLength(4000);
        b.Property(x => x.Answer).HasMaxLength(8000);
        b.Property(x => x.ReviewNote).HasMaxLength(4000);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.AnsweredBy).HasMaxLength(200);
        b.Property(x => x.ReviewedBy).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
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
        b.ToTable("sanction_recommendations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SuperiorName).HasMaxLength(200);
        b.Property(x => x.SuperiorPosition).HasMaxLength(200);
        b.Property(x => x.RecommendedLevel).HasConversion<string>().HasMaxLength(50);
        b.Property(x => x.DecidedLevel).HasConversion<string>().HasMaxLength(50);
        b.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Basis).HasMaxLength(2000);
        b.Property(x => x.DecisionNote).HasMaxLength(4000);
        b.Property(x => x.DecidedByName).HasMaxLength(200);
        b.Property(x => x.RecommendedBy).HasMaxLength(200);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsRowVersion();
        b.HasOne<ClarificationRequest>().WithOne().HasForeignKey<SanctionRecommendation>(x => x.ClarificationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UnitOfficer>().WithMany().HasForeignKey(x => x.OfficerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.UnitId, x.Status });
    }
}
