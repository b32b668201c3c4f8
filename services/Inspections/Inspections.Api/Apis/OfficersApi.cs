namespace Tinjau.Inspections.Api.Apis;

/// <summary>
/// An officer's unexcused absence days in a year (distinct days recorded as absent-without-reason by sidak visits)
/// and the level the PP 94/2021 ladder suggests to the direct superior. A run of consecutive days is broken only by a
/// working day: weekends, national holidays and cuti bersama between two absences keep them in one run.
/// </summary>
/// <remarks><c>UnconfirmedBackdatedDays</c>: the days recorded only by backdated visits no satgas lead has confirmed yet.</remarks>
public sealed record AbsenceSummary(Guid OfficerId, Guid UnitId, string Name, string? StaffNumber, string? Position, int Year,
    int UnexcusedDays, int LongestConsecutiveRun, IReadOnlyList<DateOnly> Days, string? SuggestedLevel, string? Gravity,
    IReadOnlyList<DateOnly>? UnconfirmedBackdatedDays = null);

/// <summary>An officer of a unit's roster (<see cref="UnitRoster"/>).</summary>
public sealed record RosterOfficer(Guid Id, string Name, string? StaffNumber, string? Position);

public static class OfficersApi
{
    public static RouteGroupBuilder MapOfficersApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/inspections").WithTags("Attendance").RequireAuthorization(Policies.Authenticated);
        api.MapGet("/officers/{officerId:guid}/absences", GetOfficerAbsences)
            .WithSummary("An officer's unexcused absence days in a year and the PP 94/2021 level suggested")
            .ProducesProblems(StatusCodes.Status404NotFound);
        api.MapGet("/units/{unitId:guid}/absences", GetUnitAbsences)
            .WithSummary("Unexcused absence days per officer of a unit in a year, with suggested levels")
            .ProducesProblems(StatusCodes.Status403Forbidden);
        api.MapGet("/units/{unitId:guid}/officers", GetUnitRoster)
            .WithSummary("The officers of a unit that earlier visits recorded: the roster for the next visit's attendance")
            .ProducesProblems(StatusCodes.Status403Forbidden);
        return api;
    }

    public static async Task<Results<Ok<AbsenceSummary>, ProblemHttpResult>> GetOfficerAbsences(Guid officerId, int? year,
        OfficerAbsences absences, CancellationToken ct) =>
        (await absences.ForOfficerAsync(officerId, year, ct)).Ok();

    public static async Task<Results<Ok<List<AbsenceSummary>>, ProblemHttpResult>> GetUnitAbsences(Guid unitId, int? year,
        OfficerAbsences absences, CancellationToken ct) =>
        (await absences.ForUnitAsync(unitId, year, ct)).Ok();

    public static async Task<Results<Ok<List<RosterOfficer>>, ProblemHttpResult>> GetUnitRoster(Guid unitId, UnitRoster roster, CancellationToken ct) =>
        (await roster.ForUnitAsync(unitId, ct)).Ok();
}
