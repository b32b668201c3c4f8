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
            b.ToTableKeyedBy("instruments", x => x.Id);
            b.HasMaxLength(40, x => x.Code).AreRequired(x => x.Code).HasMaxLength(300, x => x.Name).HasMaxLength(500, x => x.Source);
            b.HasIndex(x => new { x.Code, x.Version }).IsUnique();
            b.Property(x => x.Aspects).HasJsonConversion();
            b.Property(x => x.CategoryBands).HasJsonConversion();
            b.Property(x => x.Questionnaire).HasJsonConversion();
            b.Ignore(x => x.Indicators);
        });

        modelBuilder.Entity<Cycle>(b =>
        {
            b.ToTableKeyedBy("cycles", x => x.Id);
            b.HasMaxLength(200, x => x.Name).AreRequired(x => x.Name).HasMaxLength(100, x => x.CreatedBy);
            b.Property(x => x.Schedule).HasJsonConversion();
            b.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(x => x.Year);
        });

        modelBuilder.Entity<Evaluation>(b =>
        {
            b.ToTableKeyedBy("evaluations", x => x.Id);
            b.HasOne<Cycle>().WithMany().HasForeignKey(x => x.CycleId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Instrument>().WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(x => new { x.CycleId, x.UnitId }).IsUnique();
            b.HasIndex(x => new { x.UnitId, x.Year });
            b.HasMaxLength(40, x => x.UnitCode).HasMaxLength(200, x => x.UnitName).HasMaxLength(2000, x => x.ReturnReason);
            b.HasMaxLength(64, x => x.BeritaAcaraSha256).HasMaxLength(10, x => x.FinalCategory).HasMaxLength(100, x => x.FinalCategoryLabel);
            b.Property(x => x.Status).HasConversion(s => s.ToName(), s => EvaluationStatuses.Parse(s)).HasMaxLength(20);
            b.Property(x => x.Team).HasJsonConversion();
            b.Property(x => x.Signatures).HasJsonConversion();
            b.Property(x => x.BeritaAcara).HasJsonConversion();
            b.Property(x => x.FinalAspects).HasJsonConversion();
            b.Property(x => x.FinalIpp).HasPrecision(6, 2);
            b.Property(x => x.Version).IsRowVersion();
            b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Scores).AutoInclude();
        });

        modelBuilder.Entity<IndicatorScore>(b =>
        {
            b.ToTableKeyedBy("indicator_scores", x => x.Id);
            b.HasIndex(x => new { x.EvaluationId, x.IndicatorCode }).IsUnique();
            b.HasMaxLength(40, x => x.IndicatorCode).HasMaxLength(100, x => x.ScoredBy, x => x.VerifiedBy);
            b.HasMaxLength(4000, x => x.SelfNote, x => x.EvaluatorNote, x => x.FieldObservation, x => x.VerifierReason);
            b.Property(x => x.Links).HasJsonConversion();
            b.Property(x => x.DocumentIds).HasJsonConversion();
            b.Property(x => x.Suggestion).HasJsonConversion();
            b.Ignore(x => x.FinalScore);
        });

        modelBuilder.Entity<EvidenceDocument>(b =>
        {
            b.ToTableKeyedBy("evidence_documents", x => x.Id);
            b.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
            b.HasMaxLength(300, x => x.FileName).HasMaxLength(200, x => x.ContentType).HasMaxLength(64, x => x.Sha256).HasMaxLength(100, x => x.UploadedBy);
        });

        modelBuilder.Entity<F03Invitation>(b =>
        {
            b.ToTable("f03_invitations");
            b.HasKey(x => x.TokenHash);
            b.HasMaxLength(64, x => x.TokenHash);
            b.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<F03Response>(b =>
        {
            b.ToTableKeyedBy("f03_responses", x => x.Id);
            b.HasMaxLength(64, x => x.TokenHash);
            b.HasIndex(x => x.TokenHash).IsUnique();
            b.HasIndex(x => x.EvaluationId);
            b.Property(x => x.Answers).HasJsonConversion();
        });

        modelBuilder.Entity<Recommendation>(b =>
        {
            b.ToTableKeyedBy("recommendations", x => x.Id);
            b.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => x.OwnerUnitId);
            b.HasIndex(x => new { x.Status, x.DueOn });
            b.HasMaxLength(40, x => x.AspectCode).HasMaxLength(4000, x => x.Text, x => x.Progress, x => x.DoneEvidence).HasMaxLength(100, x => x.CreatedBy);
            b.Property(x => x.Status).HasConversion(s => s.ToName(), s => ParseRecommendationStatus(s)).HasMaxLength(20);
            b.Property(x => x.DoneLinks).HasJsonConversion();
            b.Property(x => x.Version).IsRowVersion();
        });

        modelBuilder.Entity<SkmSurvey>(b =>
        {
            b.ToTableKeyedBy("skm_surveys", x => x.Id);
            b.HasMaxLength(40, x => x.Period, x => x.PublicSlug).HasMaxLength(200, x => x.UnitName, x => x.ServiceName).HasMaxLength(100, x => x.CreatedBy);
            b.HasIndex(x => x.PublicSlug).IsUnique();
            b.HasIndex(x => new { x.UnitId, x.Year });
        });

        modelBuilder.Entity<SkmResponse>(b =>
        {
            b.ToTableKeyedBy("skm_responses", x => x.Id);
            b.HasOne<SkmSurvey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SkmResponseToken>(b =>
        {
            b.ToTable("skm_response_tokens");
            b.HasKey(x => x.TokenHash);
            b.HasMaxLength(64, x => x.TokenHash);
            b.Property(x => x.Version).IsRowVersion();
            b.HasIndex(x => x.SurveyId);
            b.HasOne<SkmSurvey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OmbudsmanChecklist>(b =>
        {
            b.ToTableKeyedBy("ombudsman_checklists", x => new { x.UnitId, x.Year });
            b.Property(x => x.Items).HasJsonConversion();
            b.HasMaxLength(100, x => x.UpdatedBy);
        });

        modelBuilder.Entity<ComplaintFact>(b =>
        {
            b.ToTableKeyedBy("complaint_facts", x => x.ComplaintId);
            b.HasIndex(x => new { x.UnitId, x.ResolvedYear });
        });

        modelBuilder.Entity<ComplaintSlaBreach>(b =>
        {
            b.ToTable("complaint_sla_breaches");
            b.HasKey(x => new { x.ComplaintId, x.Deadline });
            b.HasMaxLength(40, x => x.Deadline);
            b.HasIndex(x => new { x.UnitId, x.Year });
        });

        modelBuilder.Entity<SidakVisitFact>(b =>
        {
            b.ToTableKeyedBy("sidak_visits", x => x.VisitId);
            b.Property(x => x.ComplianceScore).HasPrecision(6, 4);
            b.HasIndex(x => new { x.UnitId, x.Year });
        });

        modelBuilder.Entity<SidakViolationFact>(b =>
        {
            b.ToTableKeyedBy("sidak_violations", x => x.FindingId);
            b.HasMaxLength(20, x => x.Severity).HasMaxLength(100, x => x.Category);
            b.HasIndex(x => new { x.UnitId, x.Year });
        });

        modelBuilder.AddMessagingTables();
    }

    private static RecommendationStatus ParseRecommendationStatus(string s) =>
        Enum.GetValues<RecommendationStatus>().First(v => v.ToName() == s);
}
