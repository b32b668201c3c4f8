using System.Security.Claims;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The evaluators' PEKPPP desk (<c>/evaluasi</c>): who gets the menu, and how an evaluation's status reads as the
/// board's stages. Which evaluations a user sees and what they may do in them is the evaluations service's answer.
/// </summary>
public static class EvaluatorDesk
{
    /// <summary>Evaluators run the desk, leadership reads it, the head of an evaluated unit signs its berita acara.</summary>
    public const string Roles = TinjauRoles.Evaluator + "," + TinjauRoles.Leadership + "," + TinjauRoles.Admin + "," + TinjauRoles.UnitHead;

    public static bool IsDeskUser(ClaimsPrincipal user) => Roles.Split(',').Any(user.IsInRole);

    /// <summary>Evaluators (and admins) open cycles and put each unit's team together.</summary>
    public static bool RunsCycles(ClaimsPrincipal user) => user.IsInRole(TinjauRoles.Evaluator) || user.IsInRole(TinjauRoles.Admin);

    /// <summary>
    /// The team as the lokus form chose it: the lead, the members and the verifier, named as the directory has them.
    /// A person chosen twice is sent twice, so the service's "a person is in the team once" lands beside the field.
    /// </summary>
    public static List<TeamMember> Team(IReadOnlyList<EvaluatorEntry> evaluators, string? lead, IEnumerable<string> members, string? verifier)
    {
        var names = evaluators.ToDictionary(e => e.Id.ToString(), e => e.DisplayName, StringComparer.OrdinalIgnoreCase);
        var team = new List<TeamMember>();
        void Add(string? id, string role)
        {
            if (!string.IsNullOrWhiteSpace(id) && names.TryGetValue(id, out var name))
            {
                team.Add(new TeamMember(id.ToLowerInvariant(), name, role));
            }
        }
        Add(lead, "lead");
        foreach (var m in members)
        {
            Add(m, "member");
        }
        Add(verifier, "verifier");
        return team;
    }

    /// <summary>Unit people record progress on their unit's recommendations (the service checks the unit).</summary>
    public static bool WorksForAUnit(ClaimsPrincipal user) => user.IsInRole(TinjauRoles.UnitStaff) || user.IsInRole(TinjauRoles.UnitHead);

    /// <summary>The board's columns, in the order of the PEKPPP flow.</summary>
    public static readonly string[] Stages = ["f01", "f02", "verification", "f03", "berita-acara", "signed"];

    /// <summary>
    /// done, current or todo for a stage of an evaluation in <paramref name="status"/>. F03 runs beside F01 to
    /// verification; it is done once enough respondents answered (<paramref name="f03Applied"/>) or the berita acara is out.
    /// </summary>
    public static string StageState(string stage, string status, bool f03Applied)
    {
        var at = status switch
        {
            "self-assessment" or "returned" => 0,
            "submitted" => 1,
            "verification" => 2,
            "signing" => 4,
            "finalized" => 6,
            _ => 0,
        };
        if (stage == "f03")
        {
            return f03Applied || at >= 4 ? "done" : "current";
        }
        var index = Array.IndexOf(Stages, stage);
        return index < at ? "done" : index == at ? "current" : "todo";
    }

    /// <summary>The berita acara's signatures in the order the service takes them: members, the lead, the head of unit.</summary>
    public static IEnumerable<RequiredSignature> SigningOrder(IEnumerable<RequiredSignature> required) =>
        required.OrderBy(r => r.As switch { "member" => 0, "lead" => 1, _ => 2 });

    /// <summary>The names of the units that own recommendations, from the registry (kept by <see cref="PlatformApi.UnitAsync"/>).</summary>
    public static async Task<Dictionary<Guid, string>> OwnerNamesAsync(PlatformApi api, IEnumerable<Guid> owners, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        foreach (var owner in owners.Distinct())
        {
            if ((await api.UnitAsync(owner, ct))?.Name is { } name)
            {
                names[owner] = name;
            }
        }
        return names;
    }

    /// <summary><c>2 Desember 2026</c>: a calendar date (a recommendation's due day) as the portal writes dates.</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The score band a platform figure suggests, as "4–5".</summary>
    public static string Band(int min, int max) => min == max ? $"{min}" : $"{min}–{max}";
}
