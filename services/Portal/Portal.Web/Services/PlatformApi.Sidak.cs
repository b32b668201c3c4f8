using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tinjau.Portal.Web.Services;

// ---- sidak (the inspections service; plans answer 404 to anyone but the satgas, leadership and admins) ----
public sealed partial class PlatformApi
{
    public Task<ApiResult<SidakPlanPage>> SidakPlansAsync(CancellationToken ct) =>
        SendAsync<SidakPlanPage>(HttpMethod.Get, "/api/inspections/plans", null, ct);

    public Task<ApiResult<SidakPlan>> SidakPlanAsync(Guid id, CancellationToken ct) =>
        SendAsync<SidakPlan>(HttpMethod.Get, $"/api/inspections/plans/{id}", null, ct);

    /// <summary>
    /// A new plan (satgas and admins; the service answers 403 to anyone else). The id is the form's own, so a form
    /// sent twice makes one plan (the service answers the same plan again with 200).
    /// </summary>
    public Task<ApiResult<SidakPlan>> SidakCreatePlanAsync(SidakPlanRequest plan, CancellationToken ct) =>
        SendAsync<SidakPlan>(HttpMethod.Post, "/api/inspections/plans", JsonContent.Create(plan, options: Json), ct);

    public Task<ApiResult<SidakPlan>> SidakCancelPlanAsync(Guid id, string reason, CancellationToken ct) =>
        SendAsync<SidakPlan>(HttpMethod.Post, $"/api/inspections/plans/{id}/cancel", JsonContent.Create(new { reason }, options: Json), ct);

    /// <summary>The latest version of each checklist template.</summary>
    public Task<ApiResult<List<SidakChecklist>>> SidakChecklistsAsync(CancellationToken ct) =>
        SendAsync<List<SidakChecklist>>(HttpMethod.Get, "/api/inspections/checklists", null, ct);

    /// <summary>
    /// Publishes the next version of a checklist (satgas and admins; the service answers 403 to anyone else). Visits
    /// already started keep the version they were started with.
    /// </summary>
    public Task<ApiResult<SidakChecklist>> SidakPublishChecklistAsync(string code, SidakChecklistVersionRequest request, CancellationToken ct) =>
        SendAsync<SidakChecklist>(HttpMethod.Post, $"/api/inspections/checklists/{Uri.EscapeDataString(code)}/versions",
            JsonContent.Create(request, options: Json), ct);

    /// <summary>The officers earlier visits recorded at a unit (per-officer data: the service decides who reads it).</summary>
    public Task<ApiResult<List<SidakOfficer>>> SidakRosterAsync(Guid unitId, CancellationToken ct) =>
        SendAsync<List<SidakOfficer>>(HttpMethod.Get, $"/api/inspections/units/{unitId}/officers", null, ct);

    public Task<ApiResult<SidakVisitPage>> SidakVisitsAsync(Guid unitId, CancellationToken ct) =>
        SendAsync<SidakVisitPage>(HttpMethod.Get, $"/api/inspections/visits?unitId={unitId}", null, ct);

    public Task<ApiResult<SidakVisit>> SidakVisitAsync(Guid id, CancellationToken ct) =>
        SendAsync<SidakVisit>(HttpMethod.Get, $"/api/inspections/visits/{id}", null, ct);

    /// <summary>
    /// The whole visit as the device built it (multipart: the JSON and one file part per evidence id), passed on as
    /// sent: the service makes a repeat under the same ids a replay (200) and a different payload a 409.
    /// </summary>
    public Task<ApiResult<SidakVisit>> SidakSubmitAsync(Guid visitId, byte[] body, string contentType, CancellationToken ct)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return SendAsync<SidakVisit>(HttpMethod.Put, $"/api/inspections/visits/{visitId}/submission", content, ct);
    }

    public Task<ApiResult<SidakFollowUps>> SidakFollowUpsAsync(CancellationToken ct) =>
        SendAsync<SidakFollowUps>(HttpMethod.Get, "/api/inspections/follow-ups", null, ct);

    public Task<ApiResult<SidakClarification>> SidakRequestClarificationAsync(Guid findingId, Guid requestId, string? question, CancellationToken ct) =>
        SendAsync<SidakClarification>(HttpMethod.Post, $"/api/inspections/findings/{findingId}/clarifications",
            JsonContent.Create(new { id = requestId, question }, options: Json), ct);

    /// <summary>The head of the unit answers a clarification request (the service refuses anyone else).</summary>
    public Task<ApiResult<SidakClarification>> SidakAnswerAsync(Guid clarificationId, string answer, CancellationToken ct) =>
        SendAsync<SidakClarification>(HttpMethod.Post, $"/api/inspections/clarifications/{clarificationId}/answer",
            JsonContent.Create(new { answer }, options: Json), ct);

    public Task<ApiResult<SidakClarification>> SidakAcceptAsync(Guid clarificationId, string? note, CancellationToken ct) =>
        SendAsync<SidakClarification>(HttpMethod.Post, $"/api/inspections/clarifications/{clarificationId}/accept",
            JsonContent.Create(new { note }, options: Json), ct);

    public Task<ApiResult<SidakSanction>> SidakEscalateAsync(Guid clarificationId, Guid sanctionId, string? superiorName, string? superiorPosition,
        string? level, string? note, CancellationToken ct) =>
        SendAsync<SidakSanction>(HttpMethod.Post, $"/api/inspections/clarifications/{clarificationId}/escalate",
            JsonContent.Create(new { sanctionId, superiorName, superiorPosition, level, note }, options: Json), ct);

    public Task<ApiResult<SidakSanction>> SidakDecideAsync(Guid sanctionId, string? decision, string? level, string? decidedBy, string? note,
        CancellationToken ct) =>
        SendAsync<SidakSanction>(HttpMethod.Post, $"/api/inspections/sanctions/{sanctionId}/decision",
            JsonContent.Create(new { decision, level, decidedBy, note }, options: Json), ct);
}
