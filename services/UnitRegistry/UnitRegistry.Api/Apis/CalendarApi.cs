using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.UnitRegistry.Api.Apis;

/// <summary>How a holiday is answered (the record is the registry's HTTP contract, in UnitRegistry.Contracts).</summary>
public static class HolidayResponses
{
    extension(HolidayResponse)
    {
        public static HolidayResponse From(Holiday h) => new(h.Id, h.Date, h.Name, h.Kind.ToName(), h.NeedsReview);

        public static HolidayResponse From(CalendarDay d) => new(d.Id, d.Date, d.Name, d.Kind.ToName(), d.NeedsReview, d.Source);
    }
}

/// <summary>Which years have SKB data, and whether next year's is still missing (a warning for admins from <c>WarnFromMonth</c>).</summary>
public sealed record CalendarCoverageResponse(List<int> SkbYears, int CurrentYear, bool CurrentYearLoaded, bool NextYearLoaded, string? Warning);

public sealed class CalendarOptions
{
    /// <summary>From this month of the year on, a missing SKB for next year is reported to admins [7: July].</summary>
    public int WarnFromMonth { get; set; } = 7;
}

public sealed record HolidayRequest([property: Required] DateOnly? Date, [property: Required, StringLength(200)] string? Name, string? Kind, bool NeedsReview);

/// <summary>The holiday calendar and working days; what they do is in <see cref="CalendarOperations"/>.</summary>
public static class CalendarApi
{
    public static void MapCalendarApi(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        var r = reads.MapGroup("/calendar").WithTags("Calendar");
        r.MapGet("/holidays", ListHolidays).WithSummary("National holidays and cuti bersama of a year (default: this year in WIB)");
        r.MapPost("/working-days/add", AddWorkingDays)
            .WithSummary("Add N working days to an instant in a unit's time zone")
            .WithDescription("Working days are Monday–Friday except national holidays and cuti bersama. The result is on the working day N steps " +
                             "after the local date of `from`, at the same local time (Friday 10:00 WIB + 1 = Monday 10:00 WIB). Negative N goes back.")
            .ProducesProblems(StatusCodes.Status404NotFound);
        r.MapGet("/working-days/count", CountWorkingDays)
            .WithSummary("Count working days d with from < d ≤ to (local dates of the unit's time zone)")
            .ProducesProblems(StatusCodes.Status404NotFound);

        var w = writes.MapGroup("/calendar").WithTags("Calendar");
        w.MapGet("/coverage", Coverage).WithSummary("Years with SKB holiday data; warns when next year's SKB is still missing");
        w.MapPost("/holidays", AddHoliday).WithSummary("Add a national holiday or cuti bersama")
            .ProducesProblems(StatusCodes.Status409Conflict);
        w.MapDelete("/holidays/{holidayId:guid}", RemoveHoliday).WithSummary("Remove a holiday").ProducesProblems(StatusCodes.Status404NotFound);
        w.MapPost("/holidays/{holidayId:guid}/review", MarkReviewed).WithSummary("Mark a holiday as checked against the SKB").ProducesProblems(StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Ok<List<HolidayResponse>>, ValidationProblem>> ListHolidays(int? year, CalendarOperations calendar,
        CancellationToken ct) =>
        (await calendar.ListHolidaysAsync(year, ct)).OkOrValidation();

    public static async Task<Ok<CalendarCoverageResponse>> Coverage(CalendarOperations calendar, CancellationToken ct) =>
        TypedResults.Ok(await calendar.CoverageAsync(ct));

    public static async Task<Results<Created<HolidayResponse>, ValidationProblem, ProblemHttpResult>> AddHoliday(HolidayRequest request,
        CalendarOperations calendar, CancellationToken ct) =>
        (await calendar.AddHolidayAsync(request, ct)).Created(h => $"/api/calendar/holidays?year={h.Date.Year}");

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveHoliday(Guid holidayId, CalendarOperations calendar, CancellationToken ct) =>
        (await calendar.RemoveHolidayAsync(holidayId, ct)).NoContent();

    public static async Task<Results<Ok<HolidayResponse>, ProblemHttpResult>> MarkReviewed(Guid holidayId, CalendarOperations calendar,
        CancellationToken ct) =>
        (await calendar.MarkReviewedAsync(holidayId, ct)).Ok();

    public static async Task<Results<Ok<AddWorkingDaysResponse>, ValidationProblem, ProblemHttpResult>> AddWorkingDays(AddWorkingDaysRequest request,
        CalendarOperations calendar, CancellationToken ct) =>
        (await calendar.AddWorkingDaysAsync(request, ct)).OkOrInvalid();

    public static async Task<Results<Ok<CountWorkingDaysResponse>, ValidationProblem, ProblemHttpResult>> CountWorkingDays(string? from, string? to,
        Guid? unitId, string? timeZone, CalendarOperations calendar, CancellationToken ct) =>
        (await calendar.CountWorkingDaysAsync(from, to, unitId, timeZone, ct)).OkOrInvalid();
}
