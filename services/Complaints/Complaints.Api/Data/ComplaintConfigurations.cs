using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tinjau.Complaints.Api.Data;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("complaints");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.TrackingNumber).HasMaxLength(20).IsRequired();
        b.HasIndex(x => x.TrackingNumber).IsUnique();
        b.Property(x => x.TrackingSecretHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Category).HasMaxLength(60).IsRequired();
        b.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Channel).HasMaxLength(40).IsRequired();
        b.Property(x => x.ChannelReference).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UnitName).HasMaxLength(200);
        b.Property(x => x.UnitCode).HasMaxLength(40);
        b.Property(x => x.TimeZone).HasMaxLength(40);
        b.Property(x => x.Answer).HasMaxLength(4000);
        b.Property(x => x.RatingComment).HasMaxLength(1000);
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

        b.HasIndex(x => new { x.Status, x.UnitId });
        b.HasIndex(x => x.FiledAt);
        b.HasIndex(x => new { x.Category, x.Latitude, x.Longitude });
        b.HasIndex(x => x.ProbableDuplicateOfId);
        b.HasIndex(x => x.VerificationDueAt);
        b.HasIndex(x => x.FollowUpDueAt);
        b.HasIndex(x => x.AutoCloseAt);
    }
}

internal sealed class HistoryConfiguration : IEntityTypeConfiguration<ComplaintHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintHistoryEntry> b)
    {
        b.ToTable("complaint_history");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ActorKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ActorUserId).HasMaxLength(100);
        b.Property(x => x.ActorRole).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(4000);
        b.HasIndex(x => new { x.ComplaintId, x.Position }).IsUnique();
    }
}

internal sealed class IntakeRequestConfiguration : IEntityTypeConfiguration<IntakeRequest>
{
    public void Configure(EntityTypeBuilder<IntakeRequest> b)
    {
        b.ToTable("intake_requests");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(200);
        b.Property(x => x.RequestHash).HasMaxLength(64);
        b.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class SlaBreachConfiguration : IEntityTypeConfiguration<SlaBreach>
{
    public void Configure(EntityTypeBuilder<SlaBreach> b)
    {
        b.ToTable("sla_breaches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Deadline).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.ComplaintId, x.Deadline, x.DueAt }).IsUnique();
    }
}

internal sealed class ComplaintStatConfiguration : IEntityTypeConfiguration<ComplaintStat>
{
    public void Configure(EntityTypeBuilder<ComplaintStat> b)
    {
        b.ToTable("complaint_stats");
        b.HasKey(x => x.ComplaintId);
        b.Property(x => x.Channel).HasMaxLength(40);
        b.Property(x => x.Kind).HasMaxLength(30);
        b.Property(x => x.Category).HasMaxLength(60);
        b.Property(x => x.Status).HasMaxLength(20);
        b.HasIndex(x => new { x.UnitId, x.FiledAt });
        b.HasIndex(x => x.FiledAt);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<ComplaintAttachment>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachment> b)
    {
        b.ToTable("complaint_attachments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ContentType).HasMaxLength(40);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.AddedBy).HasMaxLength(20);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ComplaintId);
    }
}

internal sealed class AttachmentContentConfiguration : IEntityTypeConfiguration<ComplaintAttachmentContent>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachmentContent> b)
    {
        b.ToTable("complaint_attachment_contents");
        b.HasKey(x => x.AttachmentId);
        b.Property(x => x.AttachmentId).ValueGeneratedNever();
        b.Property(x => x.Content).HasColumnType("bytea");
        b.HasOne<ComplaintAttachment>().WithOne().HasForeignKey<ComplaintAttachmentContent>(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportConfiguration : IEntityTypeConfiguration<ComplaintSupport>
{
    public void Configure(EntityTypeBuilder<ComplaintSupport> b)
    {
        b.ToTable("complaint_supports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.CitizenSubject).HasMaxLength(100);
        b.Property(x => x.SupporterKeyHash).HasMaxLength(64);
        b.HasOne<Complaint>().WithMany().HasForeignKey(x => x.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ComplaintId, x.CitizenSubject }).IsUnique().HasFilter("\"CitizenSubject\" IS NOT NULL");
        b.HasIndex(x => new { x.ComplaintId, x.SupporterKeyHash }).IsUnique().HasFilter("\"SupporterKeyHash\" IS NOT NULL");
        b.HasIndex(x => x.CitizenSubject);
    }
}
