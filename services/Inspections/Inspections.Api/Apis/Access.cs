using System.Security.Claims;
using Tinjau.Inspections.Api.Domain;
using Tinjau.Inspections.Api.Infrastructure;

namespace Tinjau.Inspections.Api.Apis;

/// <summary>
/// Who may see what. Secrecy of sidak: plans and visits not yet submitted exist only for satgas, leadership and
/// admins; for everyone else they are indistinguishable from things that do not exist (same 404, absent from lists
/// and counts). Unit users see submitted visits of the units they cover (unit-staff: their unit; unit-head: their
/// unit and its subtree, asked of the unit registry).
/// </summary>
public sealed class Access(IUnitRegistry registry)
{
    public ValueTask<bool> CoversUnitAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct) =>
        UnitScope.CoversAsync(user, unitId, (ancestor, unit, token) => new ValueTask<bool>(registry.IsDescendantAsync(ancestor, unit, token)), ct);

    public async ValueTask<bool> CanSeeVisitAsync(ClaimsPrincipal user, Guid unitId, VisitStatus status, CancellationToken ct)
    {
        if (user.SeesPlans())
        {
            return true;
        }
        if (status != VisitStatus.Submitted)
        {
            return false;
        }
        return user.ReadsAllSubmitted() || await CoversUnitAsync(user, unitId, ct);
    }

    /// <summary>Unit records, follow-ups and absences of a unit: city-wide readers or unit users covering it.</summary>
    public async ValueTask<bool> CanReadUnitAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct) =>
        user.ReadsAllSubmitted() || await CoversUnitAsync(user, unitId, ct);

    /// <summary>
    /// Per-officer attendance (names, NIP, absent-without-reason) and the PP 94/2021 levels drawn from it: for the satgas,
    /// leadership, admins and the head of the officer's unit (who decides the sanction). Unit staff and evaluators see
    /// unit-level findings only.
    /// </summary>
    public async ValueTask<bool> CanSeeOfficersAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct) =>
        user.SeesPlans() || (user.IsInRole(TinjauRoles.UnitHead) && await CoversUnitAsync(user, unitId, ct));

    /// <summary>Unit heads answer clarifications for the units they cover.</summary>
    public async ValueTask<bool> CanAnswerForUnitAsync(ClaimsPrincipal user, Guid unitId, CancellationToken ct) =>
        user.IsInRole(TinjauRoles.Admin) || (user.IsInRole(TinjauRoles.UnitHead) && await CoversUnitAsync(user, unitId, ct));
}
