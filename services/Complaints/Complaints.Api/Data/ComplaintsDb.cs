namespace Tinjau.Complaints.Api.Data;

/// <summary>
/// The complaints database. Saving refreshes the statistics read model and (through the messaging interceptor) writes
/// the complaints' events to the outbox, in the same transaction as the change.
/// </summary>
public sealed class ComplaintsDb(DbContextOptions<ComplaintsDb> options) : DbContext(options)
{
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintHistoryEntry> History => Set<ComplaintHistoryEntry>();
    public DbSet<IntakeRequest> IntakeRequests => Set<IntakeRequest>();
    public DbSet<SlaBreach> SlaBreaches => Set<SlaBreach>();
    public DbSet<ComplaintStat> Stats => Set<ComplaintStat>();
    public DbSet<ComplaintAttachment> Attachments => Set<ComplaintAttachment>();
    public DbSet<ComplaintAttachmentContent> AttachmentContents => Set<ComplaintAttachmentContent>();
    public DbSet<ComplaintSupport> Supports => Set<ComplaintSupport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ComplaintsDb).Assembly);
        modelBuilder.AddMessagingTables();
    }

    /// <summary>
    /// Saves, refreshing each changed complaint's read-model row in the same transaction; the complaints' events go to
    /// the outbox on the way (the messaging interceptor, <see cref="IRaiseIntegrationEvents"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var entries = ChangeTracker.Entries<Complaint>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified || e.Entity.DomainEvents.Count > 0)
            .Select(e => (e.Entity, IsNew: e.State == EntityState.Added, Raised: e.Entity.DomainEvents.ToList()))
            .ToList();
        foreach (var (complaint, isNew, _) in entries)
        {
            var stat = isNew ? null : await Stats.FindAsync([complaint.Id], cancellationToken);
            if (stat is null)
            {
                Stats.Add(ComplaintStat.From(complaint));
            }
            else
            {
                stat.Refresh(complaint);
            }
        }
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        foreach (var (complaint, _, raised) in entries)
        {
            ComplaintsTelemetry.Record(complaint, raised);
        }
        return result;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving refreshes the read model and the outbox asynchronously.");
}

/// <summary>An Idempotency-Key seen at intake: a retry with the same key and body gets the same complaint back.</summary>
public sealed record IntakeRequest(string Key, string RequestHash, Guid ComplaintId, DateTimeOffset CreatedAt);

/// <summary>One missed deadline; the unique key (complaint, deadline, due) makes breach detection idempotent.</summary>
public sealed record SlaBreach(Guid Id, Guid ComplaintId, SlaDeadline Deadline, DateTimeOffset DueAt, DateTimeOffset DetectedAt, Guid? EscalatedToUnitId);

/// <summary>The statistics read model: one row per complaint with what dashboards count, no text and no reporter.</summary>
public sealed class ComplaintStat
{
    public Guid ComplaintId { get; set; }
    public Guid? UnitId { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public string Channel { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Category { get; set; } = "";
    public string Status { get; set; } = "";
    public bool Answered { get; set; }
    public bool? AnsweredWithinSla { get; set; }
    public int? WorkingDaysToResolve { get; set; }
    public int? Rating { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    public static ComplaintStat From(Complaint c)
    {
        var s = new ComplaintStat { ComplaintId = c.Id };
        s.Refresh(c);
        return s;
    }

    public void Refresh(Complaint c)
    {
        UnitId = c.UnitId;
        FiledAt = c.FiledAt;
        Channel = c.Channel;
        Kind = c.Kind.ToName();
        Category = c.Category;
        Status = c.Status.ToString();
        Answered = c.IsAnswered;
        AnsweredWithinSla = Answered ? c.AnsweredWithinSla : null;
        WorkingDaysToResolve = c.WorkingDaysToResolve;
        Rating = c.Rating;
        ResolvedAt = c.ResolvedAt;
    }
}
