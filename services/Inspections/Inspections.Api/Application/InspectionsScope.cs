using System.Security.Claims;

namespace Tinjau.Inspections.Api.Application;

/// <summary>
/// Who the caller is to this service, asked once per request: whether they may know of plans, which units' records
/// they read, whose officers they see, which units they answer for. The role policies in
/// <see cref="InspectionsPolicies"/> gate whole routes; this answers the questions that depend on a unit. What the
/// sidak secrecy rule makes of it is in <see cref="SidakSecrecy"/>.
/// </summary>
/// <remarks>
/// Unit users cover units through their binding: unit-staff exactly their unit, a unit-head their unit and its subtree
/// (asked of the unit registry).
/// </remarks>
public sealed class InspectionsScope(IHttpContextAccessor http, IUnitRegistry registry)
{
    private readonly ClaimsPrincipal user = http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>The caller's user id (token subject).</summary>
    public string Subject => user.FindFirst(TinjauClaims.Subject)?.Value ?? user.Identity?.Name ?? "unknown";

    /// <summary>The unit the caller is bound to (unit-staff, unit-head).</summary>
    public Guid? UnitId => user.GetUnitId();

    public bool IsAdmin => user.IsInRole(TinjauRoles.Admin);

    /// <summary>Satgas and admins: plan, check in, submit, amend, follow up.</summary>
    public bool IsSatgas => user.IsInRole(TinjauRoles.Satgas) || IsAdmin;

    public bool IsUnitHead => user.IsInRole(TinjauRoles.UnitHead);

    /// <summary>Satgas, leadership and admins: the only callers who may learn of plans and unsubmitted visits.</summary>
    public bool SeesPlans => IsSatgas || user.IsInRole(TinjauRoles.Leadership);

    /// <summary>Callers who read the submitted visits, follow-ups and records of every unit.</summary>
    public bool ReadsAllUnits => SeesPlans || user.IsInRole(TinjauRoles.Evaluator);

    /// <summary>Lists of sanction recommendations (they name officers): satgas, leadership, admins and unit heads.</summary>
    public bool ListsSanctions => SeesPlans || IsUnitHead;

    /// <summary>Does the caller's unit binding cover <paramref name="unitId"/>?</summary>
    public ValueTask<bool> CoversUnitAsync(Guid unitId, CancellationToken ct) =>
        UnitScope.CoversAsync(user, unitId, (ancestor, unit, token) => new ValueTask<bool>(registry.IsDescendantAsync(ancestor, unit, token)), ct);

    /// <summary>Submitted visits, unit records, follow-ups of a unit: city-wide readers or unit users covering it.</summary>
    public async ValueTask<bool> ReadsUnitAsync(Guid unitId, CancellationToken ct) => ReadsAllUnits || await CoversUnitAsync(unitId, ct);

    /// <summary>
    /// The unit a unit-bound caller's list is about (<paramref name="requested"/> or their own), or null when they cover
    /// none; city-wide readers get <paramref name="requested"/> as asked (null: every unit).
    /// </summary>
    public async ValueTask<(bool Any, Guid? UnitId)> ListedUnitAsync(Guid? requested, CancellationToken ct)
    {
        if (ReadsAllUnits)
        {
            return (true, requested);
        }
        var unit = requested ?? UnitId;
        return unit is { } u && await CoversUnitAsync(u, ct) ? (true, u) : (false, null);
    }

    /// <summary>
    /// Per-officer attendance (names, NIP, absent-without-reason) and the PP 94/2021 levels drawn from it: the satgas,
    /// leadership, admins and the head of the officer's unit (who decides the sanction). Unit staff and evaluators see
    /// unit-level findings only.
    /// </summary>
    public async ValueTask<bool> SeesOfficersAsync(Guid unitId, CancellationToken ct) =>
        SeesPlans || (IsUnitHead && await CoversUnitAsync(unitId, ct));

    /// <summary>Unit heads answer clarifications for the units they cover (and admins).</summary>
    public async ValueTask<bool> AnswersForUnitAsync(Guid unitId, CancellationToken ct) =>
        IsAdmin || (IsUnitHead && await CoversUnitAsync(unitId, ct));
}
