using System.Net.Http.Json;
using System.Text.Json;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The evaluators' desk's calls to the evaluations service (PEKPPP), with the signed-in user's own token: the service
/// decides who sees which evaluation, who scores, verifies and signs, and answers 403/404/409 otherwise.
/// </summary>
public sealed partial class PlatformApi
{
    private const string Evaluations = "/api/evaluations";

    public Task<ApiResult<List<CycleView>>> CyclesAsync(int? year, CancellationToken ct) =>
        SendAsync<List<CycleView>>(HttpMethod.Get, year is { } y ? $"{Evaluations}/cycles?year={y}" : $"{Evaluations}/cycles", null, ct);

    /// <summary>The evaluations the caller may see (unit people: their own units), optionally of one year.</summary>
    public Task<ApiResult<CycleView>> CycleAsync(Guid id, CancellationToken ct) =>
        SendAsync<CycleView>(HttpMethod.Get, $"{Evaluations}/cycles/{id}", null, ct);

    /// <summary>A new PEKPPP cycle of a year (evaluators and admins; the current instrument unless named).</summary>
    public Task<ApiResult<CycleView>> CreateCycleAsync(int? year, string? name, CancellationToken ct) =>
        SendAsync<CycleView>(HttpMethod.Post, $"{Evaluations}/cycles", JsonContent.Create(new { year, name }, options: Json), ct);

    /// <summary>A unit (lokus) added to a cycle with its team: one lead, members, a verifier; the service checks the team.</summary>
    public Task<ApiResult<EvaluationSummary>> AddLokusAsync(Guid cycleId, Guid? unitId, IReadOnlyList<TeamMember> team, CancellationToken ct) =>
        SendAsync<EvaluationSummary>(HttpMethod.Post, $"{Evaluations}/cycles/{cycleId}/units",
            JsonContent.Create(new { unitId, team = team.Select(m => new { subjectId = m.SubjectId, name = m.Name, role = m.Role }) }, options: Json), ct);

    /// <summary>The evaluators a team can name (the identity service's directory: id and name only).</summary>
    public Task<ApiResult<List<EvaluatorEntry>>> EvaluatorsAsync(CancellationToken ct) =>
        SendAsync<List<EvaluatorEntry>>(HttpMethod.Get, "/api/identity/evaluators", null, ct);

    public Task<ApiResult<List<EvaluationSummary>>> EvaluationsAsync(int? year, CancellationToken ct) =>
        SendAsync<List<EvaluationSummary>>(HttpMethod.Get, year is { } y ? $"{Evaluations}?year={y}" : Evaluations, null, ct);

    public Task<ApiResult<EvaluationSummary>> EvaluationAsync(Guid id, CancellationToken ct) =>
        SendAsync<EvaluationSummary>(HttpMethod.Get, $"{Evaluations}/{id}", null, ct);

    // ---- F01: the unit's self-assessment (its staff and head; the service checks the unit) ----

    public Task<ApiResult<F01View>> F01Async(Guid id, CancellationToken ct) =>
        SendAsync<F01View>(HttpMethod.Get, $"{Evaluations}/{id}/f01", null, ct);

    /// <summary>An answer: <paramref name="documentIds"/> replaces the indicator's documents, <paramref name="links"/> its links.</summary>
    public Task<ApiResult<JsonElement>> AnswerF01Async(Guid id, string indicator, int? selfScore, string? note, IReadOnlyList<EvidenceLink> links,
        IReadOnlyList<Guid> documentIds, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"{Evaluations}/{id}/f01/{Uri.EscapeDataString(indicator)}",
            JsonContent.Create(new { selfScore, note, links = links.Select(l => new { url = l.Url, title = l.Title }), documentIds }, options: Json), ct);

    public Task<ApiResult<DocumentInfo>> UploadF01DocumentAsync(Guid id, byte[] content, string contentType, string fileName, CancellationToken ct)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "file", fileName);
        return SendAsync<DocumentInfo>(HttpMethod.Post, $"{Evaluations}/{id}/documents", form, ct);
    }

    public Task<ApiResult<EvaluationSummary>> SubmitF01Async(Guid id, CancellationToken ct) =>
        SendAsync<EvaluationSummary>(HttpMethod.Post, $"{Evaluations}/{id}/f01/submit", JsonContent.Create(new { }, options: Json), ct);

    public Task<ApiResult<F02View>> F02Async(Guid id, CancellationToken ct) =>
        SendAsync<F02View>(HttpMethod.Get, $"{Evaluations}/{id}/f02", null, ct);

    /// <summary>An evaluator's score; a score outside the suggested band needs notes (the service records accepted or overridden).</summary>
    public Task<ApiResult<F02Score>> ScoreF02Async(Guid id, string indicator, int? score, string? notes, string? fieldObservation, CancellationToken ct) =>
        SendAsync<F02Score>(HttpMethod.Put, $"{Evaluations}/{id}/f02/{Uri.EscapeDataString(indicator)}",
            JsonContent.Create(new { score, notes, fieldObservation }, options: Json), ct);

    public Task<ApiResult<EvaluationSummary>> CompleteF02Async(Guid id, CancellationToken ct) =>
        SendAsync<EvaluationSummary>(HttpMethod.Post, $"{Evaluations}/{id}/f02/complete", null, ct);

    public Task<ApiResult<JsonElement>> VerifyAsync(Guid id, string indicator, int? score, string? reason, CancellationToken ct) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"{Evaluations}/{id}/verification/{Uri.EscapeDataString(indicator)}",
            JsonContent.Create(new { score, reason }, options: Json), ct);

    /// <summary>Single-use F03 links: the service keeps only their hashes, so the tokens are shown once, here.</summary>
    public Task<ApiResult<List<Invitation>>> InviteF03Async(Guid id, int? count, CancellationToken ct) =>
        SendAsync<List<Invitation>>(HttpMethod.Post, $"{Evaluations}/{id}/f03/invitations", JsonContent.Create(new { count }, options: Json), ct);

    public Task<ApiResult<F03Overview>> F03Async(Guid id, CancellationToken ct) =>
        SendAsync<F03Overview>(HttpMethod.Get, $"{Evaluations}/{id}/f03", null, ct);

    public Task<ApiResult<IndexResult>> IndexAsync(Guid id, CancellationToken ct) =>
        SendAsync<IndexResult>(HttpMethod.Get, $"{Evaluations}/{id}/index", null, ct);

    public Task<ApiResult<BeritaAcaraView>> GenerateBeritaAcaraAsync(Guid id, CancellationToken ct) =>
        SendAsync<BeritaAcaraView>(HttpMethod.Post, $"{Evaluations}/{id}/berita-acara", null, ct);

    public Task<ApiResult<BeritaAcaraView>> BeritaAcaraAsync(Guid id, CancellationToken ct) =>
        SendAsync<BeritaAcaraView>(HttpMethod.Get, $"{Evaluations}/{id}/berita-acara", null, ct);

    /// <summary>Signs the document the signer read (its SHA-256): a berita acara changed since is the service's 409.</summary>
    public Task<ApiResult<BeritaAcaraView>> SignBeritaAcaraAsync(Guid id, string signAs, string documentSha256, CancellationToken ct) =>
        SendAsync<BeritaAcaraView>(HttpMethod.Post, $"{Evaluations}/{id}/berita-acara/sign",
            JsonContent.Create(new { @as = signAs, documentSha256 }, options: Json), ct);

    public Task<ApiResult<List<RecommendationView>>> RecommendationsAsync(Guid id, CancellationToken ct) =>
        SendAsync<List<RecommendationView>>(HttpMethod.Get, $"{Evaluations}/{id}/recommendations", null, ct);

    public Task<ApiResult<RecommendationView>> AddRecommendationAsync(Guid id, string? text, string? aspectCode, DateOnly? dueOn, CancellationToken ct) =>
        SendAsync<RecommendationView>(HttpMethod.Post, $"{Evaluations}/{id}/recommendations",
            JsonContent.Create(new { text, aspectCode, dueOn }, options: Json), ct);

    public Task<ApiResult<RecommendationView>> StartRecommendationAsync(Guid recommendationId, CancellationToken ct) =>
        SendAsync<RecommendationView>(HttpMethod.Post, $"{Evaluations}/recommendations/{recommendationId}/start",
            JsonContent.Create(new { }, options: Json), ct);

    public Task<ApiResult<RecommendationView>> FinishRecommendationAsync(Guid recommendationId, string? evidence, CancellationToken ct) =>
        SendAsync<RecommendationView>(HttpMethod.Post, $"{Evaluations}/recommendations/{recommendationId}/done",
            JsonContent.Create(new { evidence }, options: Json), ct);
}
