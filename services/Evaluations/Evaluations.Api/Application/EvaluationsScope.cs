using System.Security.Claims;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// Who the caller is to this service, asked once per request, and the one place that decides what they may do.
/// The role policies (<see cref="Policies"/>) gate whole route groups in <c>Apis/EvaluationsApi.cs</c>; this answers
/// what depends on a unit, an evaluation or its team.
/// </summary>
/// <remarks>
/// Evaluators (and admins) run cycles and score as members of a unit's team; unit-staff and unit-head work for their
/// own unit (a unit head also for the units below theirs); city-wide roles read everything. In a mandiri evaluation
/// the head of the evaluated unit acts as lead evaluator and verifier.
/// </remarks>
public sealed class EvaluationsScope(IHttpContextAccessor http, IUnitRegistryClient units)
{
    private readonly ClaimsPrincipal user = http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>The caller's user id (token subject).</summary>
    public string Subject => user.FindFirst(TinjauClaims.Subject)?.Value ?? "";

    public string DisplayName => user.FindFirst(TinjauClaims.Name)?.Value ?? Subject;

    /// <summary>The unit the caller is bound to (unit-staff, unit-head).</summary>
    public Guid? UnitId => user.GetUnitId();

    public bool IsCityWide =>
        user.IsInRole(TinjauRoles.Leadership) || user.IsInRole(TinjauRoles.ComplaintAdmin) || user.IsInRole(TinjauRoles.Evaluator)
        || user.IsInRole(TinjauRoles.Satgas) || IsAdmin;

    public bool IsAdmin => user.IsInRole(TinjauRoles.Admin);

    /// <summary>Evaluators and admins: open cycles, add units, manage any unit's surveys, sign as a team member.</summary>
    public bool IsEvaluator => user.IsInRole(TinjauRoles.Evaluator) || IsAdmin;

    public bool IsUnitHead => user.IsInRole(TinjauRoles.UnitHead);

    /// <summary>The caller is unit-staff/unit-head of the unit (or, as unit head, of a unit above it).</summary>
    public ValueTask<bool> IsUnitMemberAsync(Guid unitId, CancellationToken ct) =>
        UnitScope.CoversAsync(user, unitId, async (ancestor, unit, token) => (await units.GetSubtreeAsync(ancestor, token)).Contains(unit), ct);

    /// <summary>Readiness, evidence, scorecards, surveys of a unit: city-wide readers or the unit's own people.</summary>
    public async ValueTask<bool> CanReadUnitAsync(Guid unitId, CancellationToken ct) => IsCityWide || await IsUnitMemberAsync(unitId, ct);

    /// <summary>What the owner unit records itself (checklist, recommendation progress): its own people or an admin.</summary>
    public async ValueTask<bool> WorksForUnitAsync(Guid unitId, CancellationToken ct) => IsAdmin || await IsUnitMemberAsync(unitId, ct);

    /// <summary>SKM surveys of a unit are opened and closed by its own people or by evaluators.</summary>
    public async ValueTask<bool> ManagesSurveysAsync(Guid unitId, CancellationToken ct) => IsEvaluator || await IsUnitMemberAsync(unitId, ct);

    public bool IsHeadOf(Guid unitId) => IsUnitHead && UnitId == unitId;

    /// <summary>Evaluators open cycles; a unit head may open a mandiri cycle.</summary>
    public bool OpensCycle(bool mandiri) => IsEvaluator || (mandiri && IsUnitHead);

    /// <summary>Evaluators add units; in a mandiri cycle the head of the unit adds their own unit.</summary>
    public bool AddsUnit(Cycle cycle, Guid unitId) => IsEvaluator || (cycle.Mandiri && IsHeadOf(unitId));

    /// <summary>
    /// The unit a unit-bound caller's list is about (<paramref name="requested"/> or their own), or false when they do
    /// not work for it; city-wide readers get <paramref name="requested"/> as asked (null: every unit).
    /// </summary>
    public async ValueTask<(bool Allowed, Guid? UnitId)> ListedUnitAsync(Guid? requested, CancellationToken ct)
    {
        if (IsCityWide)
        {
            return (true, requested);
        }
        var unit = requested ?? UnitId;
        return unit is { } u && await IsUnitMemberAsync(u, ct) ? (true, u) : (false, null);
    }

    /// <summary>The units a unit-bound caller sees evaluations of: their own, and as unit head its subtree.</summary>
    public async ValueTask<IReadOnlyList<Guid>> OwnUnitsAsync(CancellationToken ct) => UnitId is not { } own ? []
        : IsUnitHead ? (await units.GetSubtreeAsync(own, ct)).ToList() : [own];

    private bool InTeam(Evaluation e, params string[] roles) =>
        user.IsInRole(TinjauRoles.Evaluator) && e.Team.Any(t => t.SubjectId == Subject && roles.Contains(t.Role));

    /// <summary>F02 scoring and returning F01: the team's lead or members, an admin, or in mandiri the head of unit.</summary>
    public bool CanScore(Evaluation e) =>
        IsAdmin || InTeam(e, TeamRoles.Lead, TeamRoles.Member) || (e.Mandiri && IsHeadOf(e.UnitId))
        || (e.Mandiri && e.Team.Any(t => t.SubjectId == Subject && t.Role is TeamRoles.Lead or TeamRoles.Member));

    /// <summary>Verification: the team's verifiers or lead, an admin, or in mandiri the head of unit.</summary>
    public bool CanVerify(Evaluation e) => IsAdmin || InTeam(e, TeamRoles.Verifier, TeamRoles.Lead) || (e.Mandiri && IsHeadOf(e.UnitId));

    /// <summary>F02 with its scores: city-wide readers, the scorers and the verifiers.</summary>
    public bool CanReadF02(Evaluation e) => IsCityWide || CanScore(e) || CanVerify(e);

    /// <summary>Sees the evaluation at all (otherwise it is reported as not found).</summary>
    public async ValueTask<bool> CanSeeAsync(Evaluation e, CancellationToken ct) =>
        IsCityWide || await IsUnitMemberAsync(e.UnitId, ct) || e.Team.Any(t => t.SubjectId == Subject);

    /// <summary>
    /// Signing the berita acara: as head-of-unit only the head of the evaluated unit; otherwise the team member in that
    /// role, who must be an evaluator or admin unless the evaluation is mandiri.
    /// </summary>
    public bool MaySign(Evaluation e, string signAs) => signAs == SignatureRoles.HeadOfUnit
        ? IsHeadOf(e.UnitId)
        : e.Team.Any(t => t.SubjectId == Subject && t.Role == signAs) && (IsEvaluator || e.Mandiri);
}
