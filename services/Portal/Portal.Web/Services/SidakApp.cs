using System.Security.Claims;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The satgas field app (<c>/sidak</c>): who may open it and the words for the service's values. Which plans, visits and
/// follow-ups there are, and what may be done with them, is the inspections service's answer to the signed-in user's
/// own token (it hides plans from anyone but the satgas, leadership and admins); the portal only decides whether to
/// show the menu and the action forms.
/// </summary>
public static class SidakApp
{
    /// <summary>The roles that may know of plans (the service answers everyone else 404).</summary>
    public const string Roles = TinjauRoles.Satgas + "," + TinjauRoles.Leadership + "," + TinjauRoles.Admin;

    public static bool SeesPlans(ClaimsPrincipal user) =>
        user.IsInRole(TinjauRoles.Satgas) || user.IsInRole(TinjauRoles.Leadership) || user.IsInRole(TinjauRoles.Admin);

    /// <summary>Satgas and admins check in, submit and follow up; leadership reads.</summary>
    public static bool Acts(ClaimsPrincipal user) => user.IsInRole(TinjauRoles.Satgas) || user.IsInRole(TinjauRoles.Admin);

    public static readonly string[] Answers = ["yes", "partly", "no", "not-applicable"];

    public static readonly string[] AttendanceStatuses = ["present", "late", "absent-with-leave", "absent-without-reason"];

    public static readonly string[] Severities = ["low", "medium", "high"];

    public static readonly string[] Decisions = ["imposed", "changed", "declined"];

    /// <summary>PP 94/2021 levels as the service names them, light to heavy.</summary>
    public static readonly string[] Levels =
    [
        "spoken-reprimand", "written-reprimand", "written-statement-of-dissatisfaction", "allowance-cut-25-6-months",
        "allowance-cut-25-9-months", "allowance-cut-25-12-months", "demotion-12-months", "release-from-position-12-months", "dismissal",
    ];

    /// <summary>A compliance score (0–1) as a percentage in the current culture.</summary>
    public static string Percent(decimal? score) =>
        score is { } s ? (s * 100).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture) + " %" : "–";

    /// <summary>A plan's date window: <c>1 Desember 2026 – 5 Desember 2026</c> in the current culture.</summary>
    public static string Window(SidakPlan plan)
    {
        var c = System.Globalization.CultureInfo.CurrentCulture;
        return plan.WindowStart == plan.WindowEnd
            ? plan.WindowStart.ToString("d MMMM yyyy", c)
            : $"{plan.WindowStart.ToString("d MMMM yyyy", c)} – {plan.WindowEnd.ToString("d MMMM yyyy", c)}";
    }
}
