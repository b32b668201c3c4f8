using Tinjau.Messaging;

namespace Tinjau.Evaluations.Api.Data;

public sealed class EvaluationsDbContext(DbContextOptions<EvaluationsDbContext> options) : DbContext(options)
{
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<Cycle> Cycles => Set<Cycle>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<IndicatorScore> IndicatorScores => Set<IndicatorScore>();
    public DbSet<EvidenceDocument> Documents => Set<EvidenceDocument>();
    public DbSet<F03Invitation> F03Invitations => Set<F03Invitation>();
    public DbSet<F03Response> F03Responses => Set<F03Response>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<SkmSurvey> SkmSurveys => Set<SkmSurvey>();
    public DbSet<SkmResponse> SkmResponses => Set<SkmResponse>();
    public DbSet<SkmResponseToken> SkmResponseTokens => Set<SkmResponseToken>();
    public DbSet<OmbudsmanChecklist> OmbudsmanChecklists => Set<OmbudsmanChecklist>();
    public DbSet<ComplaintFact> ComplaintFacts => Set<ComplaintFact>();
    public DbSet<ComplaintSlaBreach> ComplaintSlaBreaches => Set<ComplaintSlaBreach>();
    public DbSet<SidakVisitFact> SidakVisits => Set<SidakVisitFact>();
    public DbSet<SidakViolationFact> SidakViolations => Set<SidakViolationFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Instrument>(b =>
        {
            b.ToTable("instruments");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Code).HasMaxLength(40).IsRequired();
            b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
            b.Property(x => x.Name).HasMaxLength(300);
            b.Property(x => x.Source).HasMaxLength(500);
            b.Property(x => x.Aspects).HasJsonConversion();
            b.Property(x => x.CategoryBands).HasJsonConversion();
            b.Property(x => x.Questionnaire).HasJsonConversion();
            b.Ignore(x => x.Indicators);
        });

        modelBuilder.Entity<Cycle>(b =>
        {
            b.ToTable("cycles");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Name).HasMaxLength(200).IsRequired();
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.Property(x => x.Schedule).HasJsonConversion();
            b.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(x => x.Year);
        });

        modelBuilder.Entity<Evaluation>(b =>
        {
            b.ToTable("evaluations");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(x => new { x.CycleId, x.UnitId }).IsUnique();
            b.HasIndex(x => new { x.UnitId, x.Year });
            b.Property(x => x.UnitCode).HasMaxLength(40);
            b.Property(x => x.UnitName).HasMaxLength(200);
            b.Property(x => x.Status).HasConversion(s => s.ToName(), s => EvaluationStatuses.Parse(s)).HasMaxLength(20);
            b.Property(x => x.Team).HasJsonConversion();
            b.Property(x => x.Signatures).HasJsonConversion();
            b.Property(x => x.BeritaAcara).HasJsonConversion();
            b.Property(x => x.FinalAspects).HasJsonConversion();
            b.Property(x => x.ReturnReason).HasMaxLength(2000);
            b.Property(x => x.BeritaAcaraSha256).HasMaxLength(64);
            b.Property(x => x.FinalCategory).HasMaxLength(10);
            b.Property(x => x.FinalCategoryLabel).HasMaxLength(100);
            b.Property(x => x.FinalIpp).HasPrecision(6, 2);
            b.Property(x => x.Version).IsRowVersion();
            b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Scores).AutoInclude();
        });

        modelBuilder.Entity<IndicatorScore>(b =>
        {
            b.ToTable("indicator_scores");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasIndex(x => new { x.EvaluationId, x.IndicatorCode }).IsUnique();
            b.Property(x => x.IndicatorCode).HasMaxLength(40);
            b.Property(x => x.SelfNote).HasMaxLength(4000);
            b.Property(x => x.EvaluatorNote).HasMaxLength(4000);
            b.Property(x => x.FieldObservation).HasMaxLength(4000);
            b.Property(x => x.VerifierReason).HasMaxLength(4000);
            b.Property(x => x.ScoredBy).HasMaxLength(100);
            b.Property(x => x.VerifiedBy).HasMaxLength(100);
            b.Property(x => x.Links).HasJsonConversion();
            b.Property(x => x.DocumentIds).HasJsonConversion();
            b.Property(x => x.Suggestion).HasJsonConversion();
            b.Ignore(x => x.FinalScore);
        });

        modelBuilder.Entity<EvidenceDocument>(b =>
        {
            b.ToTable("evidence_documents");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
            b.Property(x => x.FileName).HasMaxLength(300);
            b.Property(x => x.ContentType).HasMaxLength(200);
            b.Property(x => x.Sha256).HasMaxLength(64);
            b.Property(x => x.UploadedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<F03Invitation>(b =>
        {
            b.ToTable("f03_invitations");
            b.HasKey(x => x.TokenHash);
            b.Property(x => x.TokenHash).HasMaxLength(64);
            b.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<F03Response>(b =>
        {
            b.ToTable("f03_responses");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.TokenHash).HasMaxLength(64);
            b.HasIndex(x => x.TokenHash).IsUnique();
            b.HasIndex(x => x.EvaluationId);
            b.Property(x => x.Answers).HasJsonConversion();
        });

        modelBuilder.Entity<Recommendation>(b =>
        {
            b.ToTable("recommendations");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => x.OwnerUnitId);
            b.HasIndex(x => new { x.Status, x.DueOn });
            b.Property(x => x.AspectCode).HasMaxLength(40);
            b.Property(x => x.Text).HasMaxLength(4000);
            b.Property(x => x.Status).HasConversion(s => s.ToName(), s => ParseRecommendationStatus(s)).HasMaxLength(20);
            b.Property(x => x.Progress).HasMaxLength(4000);
            b.Property(x => x.DoneEvidence).HasMaxLength(4000);
            b.Property(x => x.DoneLinks).HasJsonConversion();
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.Property(x => x.Version).IsRowVersion();
        });

        modelBuilder.Entity<SkmSurvey>(b =>
        {
            b.ToTable("skm_surveys");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Period).HasMaxLength(40);
            b.Property(x => x.UnitName).HasMaxLength(200);
            b.Property(x => x.ServiceName).HasMaxLength(200);
            b.Property(x => x.PublicSlug).HasMaxLength(40);
            b.HasIndex(x => x.PublicSlug).IsUnique();
            b.HasIndex(x => new { x.UnitId, x.Year });
            b.Property(x => x.CreatedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<SkmResponse>(b =>
        {
            b.ToTable("skm_responses");
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<SkmSurvey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SkmResponseToken>(b =>
        {
            b.ToTable("skm_response_tokens");
            b.HasKey(x => x.TokenHash);
            b.Property(x => x.TokenHash).HasMaxLength(64);
            b.Property(x => x.Version).IsRowVersion();
            b.HasIndex(x => x.SurveyId);
            b.HasOne<SkmSurvey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OmbudsmanChecklist>(b =>
        {
            b.ToTable("ombudsman_checklists");
            b.HasKey(x => x.UnitId);
            b.Property(x => x.UnitId).ValueGeneratedNever();
            b.Property(x => x.Items).HasJsonConversion();
            b.Property(x => x.UpdatedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<ComplaintFact>(b =>
        {
            b.ToTable("complaint_facts");
            b.HasKey(x => x.ComplaintId);
            b.Property(x => x.ComplaintId).ValueGeneratedNever();
            b.HasIndex(x => new { x.UnitId, x.ResolvedYear });
        });

        modelBuilder.Entity<ComplaintSlaBreach>(b =>
        {
            b.ToTable("complaint_sla_breaches");
            b.HasKey(x => new { x.ComplaintId, x.Deadline });
            b.Property(x => x.Deadline).HasMaxLength(40);
            b.HasIndex(x => new { x.UnitId, x.Year });
        });

        modelBuilder.Entity<SidakVisitFact>(b =>
        {
            b.ToTable("sidak_visits");
            b.HasKey(x => x.VisitId);
            b.Property(x => x.VisitId).ValueGeneratedNever();
            b.Property(x => x.ComplianceScore).HasPrecision(6, 4);
            b.HasIndex(x => new { x.UnitId, x.Year });
        });

        modelBuilder.Entity<SidakViolationFact>(b =>
        {
            b.ToTable("sidak_violations");
            b.HasKey(x => x.FindingId);
            b.Property(x => x.FindingId).ValueGeneratedNever();
            b.Property(x => x.Severity).HasMaxLength(20);
            b.Property(x => x.Category).HasMaxLength(100);
            b.HasIndex(x => new { x.UnitId, x.Year });
        });

        modelBuilder.AddMessagingTables();
    }

    private static RecommendationStatus ParseRecommendationStatus(string s) =>
        Enum.GetValues<RecommendationStatus>().First(v => v.ToName() == s);
}
