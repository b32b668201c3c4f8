namespace Tinjau.Inspections.Api.Apis;

public sealed record FindingCounts(int Low, int Medium, int High, int Total);

/// <summary>
/// A unit's sidak record for a period (visit days in the unit's time zone, inclusive): submitted visits only.
/// <see cref="ComplianceScore"/> is the mean of the visits' checklist scores (0–1).
/// </summary>
public sealed record UnitRecordView(Guid UnitId, DateOnly From, DateOnly To, int Visits, int FlaggedCheckIns, DateOnly? LastVisit,
    decimal? ComplianceScore, FindingCounts Findings, int OpenFollowUps, int OverdueFollowUps, int UnexcusedAbsences,
    DateTimeOffset ComputedAt);

public static class UnitRecordsApi
{
    public static RouteGroupBuilder MapUnitRecordsApi(this IEndpointRouteBuilder routes)
    {
        var units = routes.MapGroup("/api/inspections/units").WithTags("Unit records").RequireAuthorization(Policies.Authenticated);
        units.MapGet("/{unitId:guid}/record", GetRecord)
            .WithSummary("A unit's record for a period: visits, findings, open follow-ups, compliance score (cached)")
            .ProducesProblems(StatusCodes.Status403Forbidden);
        return units;
    }

    public static async Task<Results<Ok<UnitRecordView>, ValidationProblem, ProblemHttpResult>> GetRecord(Guid unitId, DateOnly? from, DateOnly? to,
        UnitRecords records, CancellationToken ct) =>
        (await records.GetAsync(unitId, from, to, ct)).OkOrInvalid();
}
