using System.Security.Claims;
using Tinjau.Evaluations.Api.Domain;

namespace Tinjau.Evaluations.Api.Infrastructure;

/// <summary>
/// Who may do what: evaluators (and admins) run cycles and score as members of a unit's team; unit-staff and unit-head
/// work for their own unit (a unit head also for the units below theirs); city-wide roles read everything.
/// In a mandiri evaluation the head of the evaluated unit acts as lead evaluator and verifier.
/// </summary>
public sealed class Access(IUnitRegistryClient units)
{
    public static string Subject(ClaimsPrincipal user) => user.FindFirst(TinjauClaims.Subject)?.Value ?? "";

    public static string DisplayName(ClaimsPrincipal user) => user.FindFirst(TinjauClaims.Name)?.Value ?? Subject(user);

    public static bool IsCityWide(ClaimsPrincipal user) =>
        user.IsInRole(TinjauRoles.Leadership) || user.IsInRole(TinjauRoles.ComplaintAdmin) || user.IsInRole(TinjauRoles.Evaluator)
        || user.IsInRole(TinjauRoles.Satgas) || user.IsInRole(TinjauRoles.Admin);

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(TinjauRoles.Admin);

    /// <summary>The caller is unit-staff/unit-head of the unit (or, as unit head, of a unit above it).</summary>
    public ValueTask<bool> IsUnitMemberAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct) =>
        UnitScope.CoversAsync(user, unitId, async (ancestor, unit, token) => (await units.GetSubtreeAsync(ancestor, token)).Contains(unit), ct);

    public async ValueTask<bool> CanReadUnitAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct) =>
        IsCityWide(user) || await IsUnitMemberAsync(user, unitId, ct);

    public static bool IsHeadOf(ClaimsPrincipal user, Guid unitId) =>
        user.IsInRole(TinjauRoles.UnitHead) && user.GetUnitId() == unitId;

    private static bool InTeam(ClaimsPrincipal user, Evaluation e, params string[] roles) =>
        user.IsInRole(TinjauRoles.Evaluator) && e.Team.Any(t => t.SubjectId == Subject(user) && roles.Contains(t.Role));

    /// <summary>F02 scoring and returning F01: the team's lead or members, an admin, or in mandiri the head of unit.</summary>
    public static bool CanScore(ClaimsPrincipal user, Evaluation e) =>
        IsAdmin(user) || InTeam(user, e, TeamRoles.Lead, TeamRoles.Member) || (e.Mandiri && IsHeadOf(user, e.UnitId))
        || (e.Mandiri && e.Team.Any(t => t.SubjectId == Subject(user) && t.Role is TeamRoles.Lead or TeamRoles.Member));

    /// <summary>Verification: the team's verifiers or lead, an admin, or in mandiri the head of unit.</summary>
    public static bool CanVerify(ClaimsPrincipal user, Evaluation e) =>
        IsAdmin(user) || InTeam(user, e, TeamRoles.Verifier, TeamRoles.Lead) || (e.Mandiri && IsHeadOf(user, e.UnitId));

    /// <summary>Sees the evaluation at all (otherwise it is reported as not found).</summary>
    public async ValueTask<bool> CanSeeAsync(ClaimsPrincipal user, Evaluation e, CancellationToken ct) =>
        IsCityWide(user) || await IsUnitMemberAsync(user, e.UnitId, ct) || e.Team.Any(t => t.SubjectId == Subject(user));
}
