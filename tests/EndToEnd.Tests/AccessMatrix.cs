namespace Tinjau.EndToEnd.Tests;

/// <summary>Who may call an endpoint, as the gateway and the service together must enforce it.</summary>
public enum Audience
{
    /// <summary>Anyone, without a token.</summary>
    Public,

    /// <summary>Any signed-in user; no token → 401.</summary>
    SignedIn,

    /// <summary>Only the roles listed; no token → 401, another role → 403.</summary>
    Roles,

    /// <summary>
    /// Only the roles listed; no token → 401; a role that may know the thing exists (<see cref="EndpointAccess.Visible"/>)
    /// → 403; every other role → 404, the same answer as for something that does not exist (sidak plans).
    /// </summary>
    Secret,
}

/// <summary>One row of the access table: an endpoint and who may call it.</summary>
/// <remarks>
/// Bodies are deliberately incomplete or ids unknown, so an allowed call ends in a 2xx, 400 or 404 and changes
/// nothing, while a denied one must be 401 or 403 before any of that is looked at.
/// </remarks>
public sealed record EndpointAccess(string Method, string Path, Audience Audience, string[] Roles, string? Body = null, string[]? Visible = null)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// The platform's access table: every endpoint of every service behind the gateway. Add a row with every new
/// endpoint; the matrix test expands it over every role (and no token) and checks each answer.
/// Placeholders: {kwitang} (a kelurahan's id), {unknown} (an id that does not exist).
/// </summary>
public static class AccessTable
{
    public static readonly string[] AllRoles =
        ["citizen", "unit-staff", "unit-head", "complaint-admin", "satgas", "evaluator", "leadership", "ops", "admin"];

    private static readonly string[] Admin = ["admin"];
    private static readonly string[] Staff = ["unit-staff", "unit-head", "complaint-admin", "satgas", "evaluator", "leadership", "ops", "admin"];
    private static readonly string[] ComplaintAdmins = ["complaint-admin", "admin"];
    private static readonly string[] CityWideReaders = ["complaint-admin", "satgas", "evaluator", "leadership", "admin"];
    private static readonly string[] ComplaintReaders = ["citizen", "unit-staff", "unit-head", .. CityWideReaders];
    private static readonly string[] SatgasOnly = ["satgas", "admin"];
    private static readonly string[] PlanReaders = ["satgas", "leadership", "admin"];
    private static readonly string[] EvaluatorsOnly = ["evaluator", "admin"];

    private static EndpointAccess Public(string method, string path, string? body = null) => new(method, path, Audience.Public, [], body);

    private static EndpointAccess SignedIn(string method, string path, string? body = null) => new(method, path, Audience.SignedIn, [], body);

    private static EndpointAccess Only(string[] roles, string method, string path, string? body = "{}") => new(method, path, Audience.Roles, roles, body);

    private static EndpointAccess Secret(string[] roles, string[] visible, string method, string path, string? body = "{}") =>
        new(method, path, Audience.Secret, roles, body, visible);

    private static string[] Except(string[] roles, params string[] without) => roles.Except(without).ToArray();

    public static readonly EndpointAccess[] Endpoints =
    [
        // Unit registry: the directory, hours, catalogue and calendar are public; every write is an admin's.
        Public("GET", "/api/units?type=kelurahan&pageSize=5"),
        Public("GET", "/api/units/{kwitang}"),
        Public("GET", "/api/units/by-code/31.71"),
        Public("GET", "/api/units/{kwitang}/children"),
        Public("GET", "/api/units/{kwitang}/ancestors"),
        Public("GET", "/api/units/{kwitang}/subtree"),
        Public("GET", "/api/units/locate?lat=-6.1826&lon=106.8412"),
        Public("GET", "/api/units/{kwitang}/directory-entry"),
        Public("GET", "/api/units/{kwitang}/service-hours"),
        Public("GET", "/api/units/{kwitang}/service-hours/check?at=2026-11-23T09:00:00%2B07:00"),
        Public("GET", "/api/units/{kwitang}/services"),
        Public("GET", "/api/calendar/holidays?year=2026"),
        Public("POST", "/api/calendar/working-days/add", """{"unitId":"{kwitang}","from":"2026-11-23T09:00:00+07:00","days":3}"""),
        Public("GET", "/api/calendar/working-days/count?from=2026-11-23&to=2026-11-30&timeZone=WIB"),
        Only(Admin, "POST", "/api/units"),
        Only(Admin, "PUT", "/api/units/{unknown}"),
        Only(Admin, "POST", "/api/units/{unknown}/deactivate", null),
        Only(Admin, "POST", "/api/units/{unknown}/activate", null),
        Only(Admin, "POST", "/api/units/import", null),
        Only(Admin, "PUT", "/api/units/{unknown}/service-hours"),
        Only(Admin, "POST", "/api/units/{unknown}/services"),
        Only(Admin, "PUT", "/api/units/{unknown}/services/{unknown}"),
        Only(Admin, "DELETE", "/api/units/{unknown}/services/{unknown}", null),
        Only(Admin, "PUT", "/api/units/{unknown}/maklumat"),
        Only(Admin, "POST", "/api/calendar/holidays"),
        Only(Admin, "DELETE", "/api/calendar/holidays/{unknown}", null),
        Only(Admin, "POST", "/api/calendar/holidays/{unknown}/review", null),
        Only(Admin, "GET", "/api/calendar/coverage", null),

        // Identity: registration and the protocol endpoints are public; users and the audit trail are an admin's.
        Public("GET", "/.well-known/openid-configuration"),
        Public("POST", "/api/identity/register", "{}"),
        SignedIn("GET", "/api/identity/me"),
        Only(Admin, "GET", "/api/identity/users", null),
        Only(Admin, "GET", "/api/identity/users/{unknown}", null),
        Only(Admin, "POST", "/api/identity/users"),
        Only(Admin, "PUT", "/api/identity/users/{unknown}/roles"),
        Only(Admin, "POST", "/api/identity/users/{unknown}/lock", null),
        Only(Admin, "POST", "/api/identity/users/{unknown}/unlock", null),
        Only(Admin, "GET", "/api/identity/audit", null),
        Only(EvaluatorsOnly, "GET", "/api/identity/evaluators", null),

        // Complaints: intake, tracking and Open311 need no account; lists are scoped by role inside the service;
        // the workflow is for government staff (which staff may do what to which complaint is the service's rule).
        Public("POST", "/api/complaints", "{}"),
        Public("GET", "/api/complaints/track/JKT-0000-00"),
        Public("POST", "/api/complaints/track/JKT-0000-00/rate", """{"rating":5}"""),
        Public("POST", "/api/complaints/track/JKT-0000-00/reopen", "{}"),
        Public("GET", "/open311/v2/services.json"),
        Public("GET", "/open311/v2/services/sampah.xml"),
        Public("GET", "/open311/v2/requests.json"),
        Public("GET", "/open311/v2/requests/JKT-0000-00.json"),
        Public("GET", "/open311/v2/tokens/{unknown}.json"),
        // Operations watch the system, not citizens' complaints.
        Only(ComplaintReaders, "GET", "/api/complaints", null),
        SignedIn("GET", "/api/complaints/{unknown}"),
        SignedIn("GET", "/api/complaints/{unknown}/history"),
        Only(CityWideReaders, "GET", "/api/complaints/statistics", null),
        // Kwitang's own staff, and the head of Senen above it, see Kwitang's figures.
        Only([.. CityWideReaders, "unit-staff", "unit-head"], "GET", "/api/complaints/statistics?unitId={kwitang}", null),
        Only(ComplaintAdmins, "GET", "/api/complaints/duplicates", null),
        Only(Staff, "POST", "/api/complaints/{unknown}/verify"),
        Only(Staff, "POST", "/api/complaints/{unknown}/coordinate"),
        Only(Staff, "POST", "/api/complaints/{unknown}/dispose"),
        Only(Staff, "POST", "/api/complaints/{unknown}/start", null),
        Only(Staff, "POST", "/api/complaints/{unknown}/answer"),
        Only(Staff, "POST", "/api/complaints/{unknown}/confirm", null),
        Only(Staff, "POST", "/api/complaints/{unknown}/postpone"),
        Only(Staff, "POST", "/api/complaints/{unknown}/not-our-authority"),
        Only(Staff, "POST", "/api/complaints/{unknown}/archive"),
        Only(Staff, "POST", "/api/complaints/{unknown}/reject"),
        Only(Staff, "POST", "/api/complaints/{unknown}/merge"),

        // Inspections (sidak): plans are secret — whoever may not read them gets the 404 of a plan that does not
        // exist; field work is the satgas's; a unit sees its own record, its head also the officers' absences.
        Secret(SatgasOnly, PlanReaders, "POST", "/api/inspections/plans"),
        Secret(PlanReaders, PlanReaders, "GET", "/api/inspections/plans", null),
        Secret(PlanReaders, PlanReaders, "GET", "/api/inspections/plans/{unknown}", null),
        Secret(SatgasOnly, PlanReaders, "POST", "/api/inspections/plans/{unknown}/cancel"),
        Only(SatgasOnly, "POST", "/api/inspections/visits"),
        Only(SatgasOnly, "PUT", "/api/inspections/visits/{unknown}/submission"),
        Only(SatgasOnly, "POST", "/api/inspections/visits/{unknown}/amendments"),
        Only(SatgasOnly, "POST", "/api/inspections/visits/{unknown}/backdating-confirmation"),
        SignedIn("GET", "/api/inspections/visits"),
        SignedIn("GET", "/api/inspections/visits/{unknown}"),
        SignedIn("GET", "/api/inspections/visits/{unknown}/evidence/{unknown}"),
        SignedIn("GET", "/api/inspections/visits/{unknown}/verify-chain"),
        SignedIn("GET", "/api/inspections/checklists"),
        SignedIn("GET", "/api/inspections/checklists/SIDAK/versions/1"),
        Only(SatgasOnly, "POST", "/api/inspections/checklists/SIDAK/versions"),
        Only(SatgasOnly, "POST", "/api/inspections/findings/{unknown}/clarifications"),
        SignedIn("GET", "/api/inspections/clarifications/{unknown}"),
        // Answering and deciding are checked against the finding's unit and the officer's superior, after the input.
        SignedIn("POST", "/api/inspections/clarifications/{unknown}/answer", "{}"),
        Only(SatgasOnly, "POST", "/api/inspections/clarifications/{unknown}/accept"),
        Only(SatgasOnly, "POST", "/api/inspections/clarifications/{unknown}/escalate"),
        SignedIn("GET", "/api/inspections/sanctions/{unknown}"),
        SignedIn("POST", "/api/inspections/sanctions/{unknown}/decision", "{}"),
        SignedIn("GET", "/api/inspections/follow-ups?unitId={kwitang}"),
        SignedIn("GET", "/api/inspections/officers/{unknown}/absences?year=2026"),
        Only(["unit-head", "satgas", "leadership", "admin"], "GET", "/api/inspections/units/{kwitang}/absences?year=2026", null),
        Only(["unit-head", "satgas", "leadership", "admin"], "GET", "/api/inspections/units/{kwitang}/officers", null),
        Only(["unit-staff", "unit-head", "satgas", "evaluator", "leadership", "admin"], "GET", "/api/inspections/units/{kwitang}/record", null),

        // Evaluations (PEKPPP, SKM, Ombudsman readiness): government staff; F03 and SKM answers and the public
        // scorecards need no account; a unit's staff act on their own unit's forms (checked on the evaluation).
        Only(Staff, "GET", "/api/evaluations/instruments", null),
        Only(Staff, "GET", "/api/evaluations/instruments/PEKPPP/versions/1", null),
        Only(Admin, "POST", "/api/evaluations/instruments"),
        Only(EvaluatorsOnly, "POST", "/api/evaluations/cycles"),
        Only(CityWideReaders, "GET", "/api/evaluations/cycles", null),
        Only(CityWideReaders, "GET", "/api/evaluations/cycles/{unknown}", null),
        Only(Staff, "POST", "/api/evaluations/cycles/{unknown}/units"),
        Only(Staff, "GET", "/api/evaluations", null),
        Only(Staff, "GET", "/api/evaluations/{unknown}", null),
        Only(Staff, "GET", "/api/evaluations/{unknown}/f01", null),
        Only(Staff, "PUT", "/api/evaluations/{unknown}/f01/X1"),
        Only(Staff, "POST", "/api/evaluations/{unknown}/f01/submit"),
        Only(Staff, "POST", "/api/evaluations/{unknown}/f01/return"),
        Only(Staff, "GET", "/api/evaluations/{unknown}/f02", null),
        Only(Staff, "PUT", "/api/evaluations/{unknown}/f02/X1"),
        Only(Staff, "POST", "/api/evaluations/{unknown}/f02/complete"),
        Only(Staff, "PUT", "/api/evaluations/{unknown}/verification/X1"),
        Only(Staff, "GET", "/api/evaluations/{unknown}/index", null),
        Only(Staff, "POST", "/api/evaluations/{unknown}/f03/invitations"),
        Only(Staff, "GET", "/api/evaluations/{unknown}/f03", null),
        Public("GET", "/api/evaluations/f03/unknown-invitation"),
        Public("POST", "/api/evaluations/f03/unknown-invitation", "{}"),
        Only(Staff, "POST", "/api/evaluations/{unknown}/berita-acara"),
        Only(Staff, "GET", "/api/evaluations/{unknown}/berita-acara", null),
        Only(Staff, "GET", "/api/evaluations/{unknown}/berita-acara/print", null),
        Only(Staff, "POST", "/api/evaluations/{unknown}/berita-acara/sign"),
        Only(Staff, "POST", "/api/evaluations/{unknown}/recommendations"),
        Only(Staff, "GET", "/api/evaluations/{unknown}/recommendations", null),
        Only(Except(Staff, "ops"), "GET", "/api/evaluations/recommendations", null),
        Only(Staff, "POST", "/api/evaluations/recommendations/{unknown}/start"),
        Only(Staff, "POST", "/api/evaluations/recommendations/{unknown}/done"),
        Only(Except(Staff, "ops"), "GET", "/api/evaluations/evidence/units/{kwitang}?year=2026", null),
        Only(Except(Staff, "ops"), "GET", "/api/evaluations/ombudsman/units/{kwitang}/checklist", null),
        Only(["unit-staff", "unit-head", "admin"], "PUT", "/api/evaluations/ombudsman/units/{kwitang}/checklist"),
        Only(Except(Staff, "ops"), "GET", "/api/evaluations/ombudsman/units/{kwitang}/readiness?year=2026", null),
        Only(CityWideReaders, "GET", "/api/evaluations/ombudsman/early-warning?year=2026", null),
        Only(CityWideReaders, "GET", "/api/evaluations/scorecards?year=2026", null),
        Only(CityWideReaders, "GET", "/api/evaluations/figures/units?year=2026", null),
        Only(Except(Staff, "ops"), "GET", "/api/evaluations/scorecards/units/{kwitang}?year=2026", null),
        Public("GET", "/api/evaluations/public/scorecards?year=2026"),
        Public("GET", "/api/evaluations/public/scorecards/units/{kwitang}?year=2026"),
        Only(Staff, "POST", "/api/skm/surveys"),
        Only(Except(Staff, "ops"), "GET", "/api/skm/surveys", null),
        Only(Staff, "GET", "/api/skm/surveys/{unknown}", null),
        Only(Staff, "GET", "/api/skm/surveys/{unknown}/results", null),
        Only(Staff, "POST", "/api/skm/surveys/{unknown}/close"),
        Public("GET", "/api/skm/public/unknown-survey"),
        Public("POST", "/api/skm/public/unknown-survey/tokens", null),
        Public("GET", "/api/skm/public/results?year=2026"),
        Public("POST", "/api/skm/public/unknown-survey/responses", "{}"),
        Public("GET", "/api/skm/sample-size?population=1000"),
    ];
}
