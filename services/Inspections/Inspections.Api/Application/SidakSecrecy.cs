namespace Tinjau.Inspections.Api.Application;

/// <summary>
/// <b>Where sidak secrecy is enforced.</b> A plan, and a visit not yet submitted, exist only for the satgas,
/// leadership and admins (<see cref="InspectionsScope.SeesPlans"/>). For everyone else they are indistinguishable
/// from things that do not exist: the same 404 (<see cref="Hidden"/>, word for word, answered before anything is
/// looked up), absent from lists and counts, no plan id on a visit (<see cref="PlanIdFor"/>, <see cref="ViewFor"/>).
/// Every read of plans and visits in <c>Application/</c> goes through
/// <see cref="VisibleTo(IQueryable{SidakPlan}, InspectionsScope)"/> or
/// <see cref="VisibleTo(IQueryable{SidakVisit}, InspectionsScope)"/>; figures everyone may see (unit records,
/// absences) count <see cref="Submitted"/> visits only. Nothing is published before a visit is submitted.
/// </summary>
/// <remarks>The plan routes carry <see cref="SecretRoute"/>: a caller who may not know of plans is answered
/// <see cref="Hidden"/> by <c>Apis/InspectionsAuthorizationResults</c> whatever the route, the id or the body.</remarks>
public static class SidakSecrecy
{
    /// <summary>What a caller gets for a hidden thing: the one "not found" used for things that do not exist.</summary>
    public static ProblemHttpResult Hidden => Problems.NotFound();

    /// <summary>Route metadata: callers who may not know of plans get <see cref="Hidden"/> for any failed authorization.</summary>
    public static readonly SecretRouteMetadata SecretRoute = new();

    /// <summary>Plans: all of them for the satgas, leadership and admins; none for anyone else.</summary>
    public static IQueryable<SidakPlan> VisibleTo(this IQueryable<SidakPlan> plans, InspectionsScope scope) =>
        scope.SeesPlans ? plans : plans.Where(_ => false);

    /// <summary>Visits: all of them for the satgas, leadership and admins; submitted ones only for anyone else.</summary>
    public static IQueryable<SidakVisit> VisibleTo(this IQueryable<SidakVisit> visits, InspectionsScope scope) =>
        scope.SeesPlans ? visits : visits.Submitted();

    /// <summary>Submitted visits: what figures shown to anyone (unit records, absences) are made of.</summary>
    public static IQueryable<SidakVisit> Submitted(this IQueryable<SidakVisit> visits) =>
        visits.Where(v => v.Status == VisitStatus.Submitted);

    /// <summary>The plan a visit was made under, for those who may know of plans; null for everyone else.</summary>
    public static Guid? PlanIdFor(this InspectionsScope scope, SidakVisit visit) => scope.SeesPlans ? visit.PlanId : null;

    /// <summary>A visit as the caller may see it: without its plan for those who may not know of plans.</summary>
    public static VisitView ViewFor(this InspectionsScope scope, SidakVisit visit, bool showOfficers = true) =>
        VisitView.From(visit, scope.SeesPlans, showOfficers);

    public sealed class SecretRouteMetadata;
}
