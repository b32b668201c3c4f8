namespace Tinjau.Complaints.Api.Infrastructure;

/// <summary>
/// Who may see and do what with a complaint. Complaint admins and admins act on every complaint; leadership,
/// evaluators and satgas read city-wide; unit staff read and act on complaints whose responsible, coordinating or
/// escalated-to unit is their unit (coordinating units read only); unit heads the same for their unit's subtree (asked
/// from the unit registry);
/// a citizen reads the complaints they filed signed in.
/// </summary>
public sealed class ComplaintAccess(IUnitRegistryClient registry)
{
    public static bool IsComplaintAdmin(ClaimsPrincipal user) =>
        user.IsInRole(TinjauRoles.ComplaintAdmin) || user.IsInRole(TinjauRoles.Admin);

    public static bool IsCityWideReader(ClaimsPrincipal user) =>
        IsComplaintAdmin(user) || user.IsInRole(TinjauRoles.Leadership) || user.IsInRole(TinjauRoles.Evaluator) || user.IsInRole(TinjauRoles.Satgas);

    public static bool IsUnitMember(ClaimsPrincipal user) =>
        (user.IsInRole(TinjauRoles.UnitStaff) || user.IsInRole(TinjauRoles.UnitHead)) && user.GetUnitId() is not null;

    public static string? Subject(ClaimsPrincipal user) => user.FindFirst(TinjauClaims.Subject)?.Value;

    /// <summary>The units a unit member covers (own unit; a head's whole subtree), or empty for anyone else.</summary>
    public async Task<IReadOnlyCollection<Guid>> UnitScopeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!IsUnitMember(user))
        {
            return [];
        }
        var own = user.GetUnitId()!.Value;
        if (!user.IsInRole(TinjauRoles.UnitHead))
        {
            return [own];
        }
        try
        {
            var subtree = await registry.GetSubtreeAsync(own, ct);
            return subtree.Contains(own) ? subtree : [own, .. subtree];
        }
        catch (UnitRegistryUnavailableException)
        {
            return [own];
        }
    }

    /// <summary>Unit members of the responsible (or escalated-to) unit act on a complaint.</summary>
    public async Task<bool> CanActAsUnitAsync(ClaimsPrincipal user, Complaint complaint, CancellationToken ct) =>
        IsUnitMember(user) && complaint.IsHandledByUnit(await UnitScopeAsync(user, ct));

    /// <summary>Unit members of the responsible, escalated-to or a coordinating unit see a complaint.</summary>
    public async Task<bool> CanSeeAsUnitAsync(ClaimsPrincipal user, Complaint complaint, CancellationToken ct) =>
        IsUnitMember(user) && complaint.IsVisibleToUnit(await UnitScopeAsync(user, ct));

    public async Task<bool> CanReadAsync(ClaimsPrincipal user, Complaint complaint, CancellationToken ct) =>
        IsCityWideReader(user) || IsOwner(user, complaint) || await CanSeeAsUnitAsync(user, complaint, ct);

    public static bool IsOwner(ClaimsPrincipal user, Complaint complaint) =>
        user.IsInRole(TinjauRoles.Citizen) && Subject(user) is { } sub && complaint.Reporter.CitizenSubject == sub;

    /// <summary>
    /// Reporter identity and contact: never for an anonim complaint (not even to the officers handling it); otherwise
    /// to complaint admins, the units handling it, and the reporter.
    /// </summary>
    public async Task<bool> CanSeeReporterAsync(ClaimsPrincipal user, Complaint complaint, CancellationToken ct) =>
        !complaint.Anonymous && (IsComplaintAdmin(user) || IsOwner(user, complaint) || await CanSeeAsUnitAsync(user, complaint, ct));

    public static Actor ActorOf(ClaimsPrincipal user)
    {
        var role = new[]
        {
            TinjauRoles.Admin, TinjauRoles.ComplaintAdmin, TinjauRoles.UnitHead, TinjauRoles.UnitStaff, TinjauRoles.Leadership,
            TinjauRoles.Evaluator, TinjauRoles.Satgas, TinjauRoles.Ops, TinjauRoles.Service,
        }.FirstOrDefault(user.IsInRole) ?? "unknown";
        return Actor.Staff(Subject(user) ?? "unknown", role, user.GetUnitId());
    }
}
