using Microsoft.Extensions.Hosting;

namespace Tinjau.Identity.Api.Domain;

/// <summary>
/// A set of roles with its unit binding, checked against the rules: only known roles; unit-staff and
/// unit-head need a unit and other roles carry none; a citizen account holds no government role.
/// </summary>
public sealed record RoleAssignment(IReadOnlyList<string> Roles, Guid? UnitId)
{
    public bool NeedsUnit => Roles.Any(r => TinjauRoles.UnitBound.Contains(r));

    public static Dictionary<string, string[]> Validate(IReadOnlyList<string>? roles, Guid? unitId, out RoleAssignment? assignment)
    {
        var errors = new Dictionary<string, string[]>();
        assignment = null;
        var normalized = (roles ?? []).Select(r => r?.Trim().ToLowerInvariant() ?? "").Distinct().ToList();
        if (normalized.Count == 0)
        {
            errors["roles"] = ["At least one role is required."];
            return errors;
        }

        var unknown = normalized.Where(r => !TinjauRoles.UserRoles.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            errors["roles"] = [$"Unknown role(s): {string.Join(", ", unknown)}. Known roles: {string.Join(", ", TinjauRoles.UserRoles)}."];
            return errors;
        }

        if (normalized.Contains(TinjauRoles.Citizen) && normalized.Count > 1)
        {
            errors["roles"] = ["A citizen account cannot also hold a government role."];
        }

        if (normalized.Contains(TinjauRoles.UnitStaff) && normalized.Contains(TinjauRoles.UnitHead))
        {
            errors["roles"] = ["A user is either unit-staff or unit-head of their unit, not both."];
        }

        var candidate = new RoleAssignment(normalized, unitId);
        if (candidate.NeedsUnit && (unitId is null || unitId == Guid.Empty))
        {
            errors["unitId"] = ["unit-staff and unit-head must be bound to a unit."];
        }
        else if (!candidate.NeedsUnit && unitId is not null)
        {
            errors["unitId"] = ["Only unit-staff and unit-head are bound to a unit."];
        }

        if (errors.Count == 0)
        {
            assignment = candidate;
        }

        return errors;
    }
}
