using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tinjau.Complaints.Api.Data;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    /// <summary>
    /// <see cref="Complaint.CurrentDeadline"/> as a column PostgreSQL computes and stores with every write of the row
    /// (however it is written), so that inboxes sort and filter on an index. The two say the same rule.
    /// </summary>
    public const string RunningDeadline = "RunningDeadline";

    private const string RunningDeadlineSql = """
        CASE
            WHEN "Status" IN ('Menunggu', 'Koordinasi') AND "DisposedAt" IS NULL THEN "VerificationDueAt"
            WHEN "Status" IN ('Koordinasi', 'Disposisi', 'Proses') AND "AnsweredAt" IS NULL THEN "FollowUpDueAt"
            WHEN "Status" = 'Proses' THEN "AutoCloseAt"
        END
        """;

    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTableKeyedBy("complaints", x => x.Id);
        b.HasMaxLength(20, x => x.TrackingNumber).HasMaxLength(64, x => x.TrackingSecretHash).HasMaxLength(60, x => x.Category);
        b.HasMaxLength(4000, x => x.Description, x => x.Answer).HasMaxLength(40, x => x.Channel, x => x.UnitCode, x => x.TimeZone);
        b.HasMaxLength(200, x => x.ChannelReference, x => x.UnitName).HasMaxLength(500, x => x.Address).HasMaxLength(1000, x => x.RatingComment);
        b.AreRequired(x => x.TrackingNumber, x => x.TrackingSecretHash, x => x.Category, x => x.Description, x => x.Channel);
        b.HasIndex(x => x.TrackingNumber).IsUnique();
        b.HasEnumNames(30, x => x.Kind).HasEnumNames(20, x => x.Status);
        b.Property(x => x.Version).IsRowVersion();
        b.OwnsOne(x => x.Reporter, r =>
        {
            r.ToTable("complaint_reporters");
            r.WithOwner().HasForeignKey("ComplaintId");
            r.Property(x => x.Name).HasMaxLength(200);
            r.Property(x => x.Email).HasMaxLength(200);
            r.Property(x => x.Phone).HasMaxLength(40);
            r.Property(x => x.CitizenSubject).HasMaxLength(100);
            r.HasIndex(x => x.CitizenSubject);
            r.Ignore(x => x.IsEmpty);
        });
        b.Navigation(x => x.Reporter).IsRequired();
        b.HasMany(x => x.History).WithOne().HasForeignKey(h => h.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_history");
        b.Ignore(x => x.DomainEvents);
        b.Ignore(x => x.Location);
        b.Ignore(x => x.IsAnswered);
        b.Ignore(x => x.CurrentDeadline);
        b.Property<DateTimeOffset?>(RunningDeadline).HasComputedColumnSql(RunningDeadlineSql, stored: true);

        b.HasIndex(x => new { x.Status, x.UnitId });
        b.HasIndex(x => x.FiledAt);
        b.HasIndex(x => new { x.Category, x.Latitude, x.Longitude });
        // Intake's duplicate search (same category, the last 14 days, a box of ~150 m) scans only the window's entries
        // of the category and checks the point in the index: its cost follows the window, not the years stored.
        b.HasIndex(x => new { x.Category, x.FiledAt, x.Latitude, x.Longitude });
        b.HasIndex(x => x.ProbableDuplicateOfId);
        b.HasIndex(x => x.VerificationDueAt);
        b.HasIndex(x => x.FollowUpDueAt);
        b.HasIndex(x => x.AutoCloseAt);
        // An inbox's order (running deadline soonest, then newest) read off the index, however many are closed.
        b.HasIndex(RunningDeadline, nameof(Complaint.FiledAt)).IsDescending(false, true);
        // A unit's inbox and its count, in the same order, without reading the rest of the city.
        b.HasIndex(nameof(Complaint.UnitId), RunningDeadline, nameof(Complaint.FiledAt)).IsDescending(false, false, true);
    }
}

internal sealed class HistoryConfiguration : IEntityTypeConfiguration<ComplaintHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintHistoryEntry> b)
    {
        b.ToTableKeyedBy("complaint_history", x => x.Id);
        b.HasMaxLength(40, x => x.Action, x => x.ActorRole).HasMaxLength(100, x => x.ActorUserId).HasMaxLength(4000, x => x.Note);
        b.HasEnumNames(20, x => x.FromStatus, x => x.ToStatus, x => x.ActorKind);
        b.HasIndex(x => new { x.ComplaintId, x.Position }).IsUnique();
    }
}

internal sealed class IntakeRequestConfiguration : IEntityTypeConfiguration<IntakeRequest>
{
    public void Configure(EntityTypeBuilder<IntakeRequest> b)
    {
        b.ToTable("intake_requests");
        b.HasKey(x => x.Key);
        b.HasMaxLength(200, x => x.Key).HasMaxLength(64, x => x.RequestHash);
        b.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class SlaBreachConfiguration : IEntityTypeConfiguration<SlaBreach>
{
    public void Configure(EntityTypeBuilder<SlaBreach> b)
    {
        b.ToTableKeyedBy("sla_breaches", x => x.Id);
        b.HasEnumNames(20, x => x.Deadline);
        b.HasIndex(x => new { x.ComplaintId, x.Deadline, x.DueAt }).IsUnique();
    }
}

internal sealed class ComplaintStatConfiguration : IEntityTypeConfiguration<ComplaintStat>
{
    public void Configure(EntityTypeBuilder<ComplaintStat> b)
    {
        b.ToTable("complaint_stats");
        b.HasKey(x => x.ComplaintId);
        b.HasMaxLength(40, x => x.Channel).HasMaxLength(30, x => x.Kind).HasMaxLength(60, x => x.Category).HasMaxLength(20, x => x.Status);
        b.HasIndex(x => new { x.UnitId, x.FiledAt });
        b.HasIndex(x => x.FiledAt);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<ComplaintAttachment>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachment> b)
    {
        b.ToTableKeyedBy("complaint_attachments", x => x.Id);
        b.HasMaxLength(40, x => x.ContentType).HasMaxLength(64, x => x.Sha256).HasMaxLength(20, x => x.AddedBy);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ComplaintId);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<ComplaintAttachmentContent>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachmentContent> b)
    {
        b.IsContentOf<ComplaintAttachmentContent, ComplaintAttachment>("complaint_attachment_contents", x => x.AttachmentId, x => x.Content,
            DeleteBehavior.Cascade);
    }
}

internal sealed class SupportConfiguration : IEntityTypeConfiguration<ComplaintSupport>
{
    public void Configure(EntityTypeBuilder<ComplaintSupport> b)
    {
        b.ToTableKeyedBy("complaint_supports", x => x.Id);
        b.HasMaxLength(100, x => x.CitizenSubject).HasMaxLength(64, x => x.SupporterKeyHash);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ComplaintId, x.CitizenSubject }).IsUnique().HasFilter("\"CitizenSubject\" IS NOT NULL");
        b.HasIndex(x => new { x.ComplaintId, x.SupporterKeyHash }).IsUnique().HasFilter("\"SupporterKeyHash\" IS NOT NULL");
        b.HasIndex(x => x.CitizenSubject);
    }
}
