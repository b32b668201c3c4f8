using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tinjau.Evaluations.Api.Application;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Api.Infrastructure;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record SkmSurveyRequest(Guid? UnitId, int? Year, string? Period, string? ServiceName, int? Population);

public sealed record SkmSurveyView(Guid Id, Guid UnitId, string UnitName, int Year, string Period, string? ServiceName, int Population,
    int MinimumSample, string PublicLink, bool Closed, DateTimeOffset CreatedAt)
{
    public static SkmSurveyView From(SkmSurvey s) => new(s.Id, s.UnitId, s.UnitName, s.Year, s.Period, s.ServiceName, s.Population,
        KrejcieMorgan.MinimumSample(s.Population), $"/api/skm/public/{s.PublicSlug}", s.Closed, s.CreatedAt);
}

public sealed record SkmResultsView(Guid SurveyId, Guid UnitId, int Year, string Period, int Population, int MinimumSample, int Responses,
    bool SampleReached, string SampleRule, SkmResult Result, IReadOnlyList<SkmElementResult> WeakestElements);

public sealed record SkmPublicView(string UnitName, string Period, string? ServiceName, IReadOnlyList<SkmElementView> Elements, string Scale);

public sealed record SkmElementView(string Code, string Name);

/// <summary>Nine answers and the one-response token issued to this device (or header <c>X-Skm-Token</c>).</summary>
public sealed record SkmAnswerRequest(List<int>? Answers, string? ResponseToken = null);

public sealed record SkmTokenView(string ResponseToken, DateTimeOffset ExpiresAt);

public sealed record SkmPublicResult(Guid UnitId, string UnitName, string Period, string? ServiceName, int Responses, int MinimumSample,
    bool SampleSufficient, decimal? Ikm, string? Category, string? CategoryLabel);

public sealed record SkmPublicResults(int Year, IReadOnlyList<SkmPublicResult> Items);

public static class SkmApi
{
    public static void Map(RouteGroupBuilder skm)
    {
        var staff = skm.MapGroup("/surveys").RequireAuthorization(Policies.Staff).WithTags("SKM");
        staff.MapPost("/", Create).WithSummary("Open an SKM survey of a unit and period (the unit's own staff/head, or evaluators)");
        staff.MapGet("/", List).WithSummary("Surveys of a unit (unit staff: their own unit)");
        staff.MapGet("/{id:guid}", Get).WithSummary("A survey with its public link and minimum sample");
        staff.MapGet("/{id:guid}/results", Results).WithSummary("IKM, category, per-element NRR and the sample against Krejcie–Morgan");
        staff.MapPost("/{id:guid}/close", Close).WithSummary("Close the survey");

        var open = skm.MapGroup("").AllowAnonymous().WithTags("SKM public");
        open.MapGet("/public/results", PublicResults).WithSummary("IKM and band of every closed survey of a year (public scorecards)");
        open.MapGet("/public/{slug}", PublicForm).WithSummary("The nine questions (1–4) behind a public link");
        open.MapPost("/public/{slug}/tokens", IssueToken).RequireRateLimiting(SkmTokenLimit.Policy)
            .WithSummary("A one-response token for this device (no account; limited per address and hour)");
        open.MapPost("/public/{slug}/responses", Answer)
            .WithSummary("Answer the survey (nine answers 1–4, in element order U1…U9) with a one-response token");
        open.MapGet("/sample-size", SampleSize).WithSummary("Krejcie–Morgan minimum sample for a population");
    }

    private static async Task<IResult?> CanManageAsync(ClaimsPrincipal user, Guid unitId, Access access, CancellationToken ct) =>
        user.IsInRole(TinjauRoles.Evaluator) || user.IsInRole(TinjauRoles.Admin) || await access.IsUnitMemberAsync(user, unitId, ct)
            ? null
            : Problems.Forbidden("Only the unit's own staff or evaluators manage its surveys.");

    private static async Task<IResult> Create(SkmSurveyRequest request, ClaimsPrincipal user, Access access, IUnitRegistryClient units, EvaluationsDbContext db,
        CityClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.UnitId is null || request.UnitId == Guid.Empty)
        {
            errors.Add("unitId", "Required.");
        }
        if (request.Year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", "A year from 2000 to 2100.");
        }
        errors.Required("period", request.Period, 40);
        errors.Optional("serviceName", request.ServiceName, 200);
        if (request.Population is not (>= 1 and <= 100_000_000))
        {
            errors.Add("population", "The number of service users in the period, at least 1.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (await CanManageAsync(user, request.UnitId!.Value, access, ct) is { } p)
        {
            return p;
        }
        var unit = await units.GetUnitAsync(request.UnitId.Value, ct);
        if (unit is null)
        {
            return Problems.Validation("unitId", $"The unit registry has no unit {request.UnitId}.");
        }
        var survey = new SkmSurvey
        {
            Id = Guid.CreateVersion7(clock.Now),
            UnitId = unit.Id,
            UnitName = unit.Name,
            Year = request.Year!.Value,
            Period = request.Period!.Trim(),
            ServiceName = request.ServiceName?.Trim(),
            Population = request.Population!.Value,
            PublicSlug = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            CreatedBy = Access.Subject(user),
            CreatedAt = clock.Now,
        };
        db.SkmSurveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/skm/surveys/{survey.Id}", SkmSurveyView.From(survey));
    }

    private static async Task<IResult> List(Guid? unitId, int? year, ClaimsPrincipal user, Access access, EvaluationsDbContext db, CancellationToken ct)
    {
        if (!Access.IsCityWide(user))
        {
            unitId ??= user.GetUnitId();
            if (unitId is null || !await access.IsUnitMemberAsync(user, unitId.Value, ct))
            {
                return Problems.Forbidden("Unit staff see the surveys of their own unit only.");
            }
        }
        var list = await db.SkmSurveys.AsNoTracking().Where(s => (unitId == null || s.UnitId == unitId) && (year == null || s.Year == year))
            .OrderByDescending(s => s.CreatedAt).Take(500).ToListAsync(ct);
        return TypedResults.Ok(list.Select(SkmSurveyView.From));
    }

    private static async Task<(SkmSurvey?, IResult?)> LoadAsync(Guid id, ClaimsPrincipal user, Access access, EvaluationsDbContext db, CancellationToken ct)
    {
        var s = await db.SkmSurveys.FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null || !await access.CanReadUnitAsync(user, s.UnitId, ct) ? (null, Problems.NotFound($"There is no survey {id}.")) : (s, null);
    }

    private static async Task<IResult> Get(Guid id, ClaimsPrincipal user, Access access, EvaluationsDbContext db, CancellationToken ct)
    {
        var (s, p) = await LoadAsync(id, user, access, db, ct);
        return p ?? TypedResults.Ok(SkmSurveyView.From(s!));
    }

    private static async Task<IResult> Results(Guid id, ClaimsPrincipal user, Access access, EvaluationsDbContext db, IOptions<SkmOptions> options,
        CancellationToken ct)
    {
        var (s, p) = await LoadAsync(id, user, access, db, ct);
        if (p is not null)
        {
            return p;
        }
        var responses = await db.SkmResponses.AsNoTracking().Where(r => r.SurveyId == id).Select(r => r.Answers).ToListAsync(ct);
        var result = SkmCalculator.Compute(responses, options.Value);
        var minimum = KrejcieMorgan.MinimumSample(s!.Population);
        return TypedResults.Ok(new SkmResultsView(s.Id, s.UnitId, s.Year, s.Period, s.Population, minimum, responses.Count, responses.Count >= minimum,
            KrejcieMorgan.Rule, result, responses.Count == 0 ? [] : result.Elements.OrderBy(e => e.Nrr).Take(3).ToList()));
    }

    /// <summary>
    /// Only closed surveys are published, each with its IKM, band and whether the sample reached the Krejcie–Morgan
    /// minimum; an open survey's running figure is not public.
    /// </summary>
    private static async Task<IResult> PublicResults(int? year, EvaluationsDbContext db, CityClock clock, IOptions<SkmOptions> options, CancellationToken ct)
    {
        var y = year ?? clock.Today.Year;
        if (y is < 2000 or > 2100)
        {
            return Problems.Validation("year", "The year must be between 2000 and 2100.");
        }
        var surveys = await db.SkmSurveys.AsNoTracking().Where(s => s.Year == y && s.Closed).OrderBy(s => s.UnitName).ToListAsync(ct);
        var ids = surveys.Select(s => s.Id).ToList();
        var answers = (await db.SkmResponses.AsNoTracking().Where(r => ids.Contains(r.SurveyId)).Select(r => new { r.SurveyId, r.Answers }).ToListAsync(ct))
            .ToLookup(r => r.SurveyId, r => r.Answers);
        var items = surveys.Select(s =>
        {
            var responses = answers[s.Id].ToList();
            var result = SkmCalculator.Compute(responses, options.Value);
            var minimum = KrejcieMorgan.MinimumSample(s.Population);
            return new SkmPublicResult(s.UnitId, s.UnitName, s.Period, s.ServiceName, responses.Count, minimum, responses.Count >= minimum,
                responses.Count == 0 ? null : result.Ikm, result.Category, result.CategoryLabel);
        }).ToList();
        return TypedResults.Ok(new SkmPublicResults(y, items));
    }

    private static async Task<IResult> Close(Guid id, ClaimsPrincipal user, Access access, EvaluationsDbContext db, CancellationToken ct)
    {
        var (s, p) = await LoadAsync(id, user, access, db, ct);
        if (p is not null)
        {
            return p;
        }
        if (await CanManageAsync(user, s!.UnitId, access, ct) is { } forbidden)
        {
            return forbidden;
        }
        if (s.Closed)
        {
            return Problems.Conflict("The survey is already closed.");
        }
        s.Closed = true;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SkmSurveyView.From(s));
    }

    private static async Task<IResult> PublicForm(string slug, EvaluationsDbContext db, CancellationToken ct)
    {
        var s = await db.SkmSurveys.AsNoTracking().FirstOrDefaultAsync(x => x.PublicSlug == slug, ct);
        if (s is null)
        {
            return Problems.NotFound("There is no such survey.");
        }
        return TypedResults.Ok(new SkmPublicView(s.UnitName, s.Period, s.ServiceName,
            SkmElements.All.Select(e => new SkmElementView(e.Code, e.Name)).ToList(), "1 (tidak baik) … 4 (sangat baik)"));
    }

    private static async Task<IResult> IssueToken(string slug, EvaluationsDbContext db, CityClock clock, IOptions<SkmOptions> options,
        CancellationToken ct)
    {
        var s = await db.SkmSurveys.AsNoTracking().FirstOrDefaultAsync(x => x.PublicSlug == slug, ct);
        if (s is null)
        {
            return Problems.NotFound("There is no such survey.");
        }
        if (s.Closed)
        {
            return Problems.Conflict("The survey is closed.");
        }
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = clock.Now + options.Value.TokenLifetime;
        db.SkmResponseTokens.Add(new SkmResponseToken { TokenHash = SkmTokenLimit.Hash(token), SurveyId = s.Id, IssuedAt = clock.Now, ExpiresAt = expires });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created((string?)null, new SkmTokenView(token, expires));
    }

    private static async Task<IResult> Answer(string slug, SkmAnswerRequest request, HttpRequest http, EvaluationsDbContext db, CityClock clock,
        CancellationToken ct)
    {
        var s = await db.SkmSurveys.AsNoTracking().FirstOrDefaultAsync(x => x.PublicSlug == slug, ct);
        if (s is null)
        {
            return Problems.NotFound("There is no such survey.");
        }
        var answers = request.Answers ?? [];
        var errors = new FieldErrors();
        if (answers.Count != SkmElements.All.Count)
        {
            errors.Add("answers", $"Exactly {SkmElements.All.Count} answers, one per element U1…U9.");
        }
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i] is < 1 or > 4)
            {
                errors.Add($"answers[{i}]", "From 1 to 4.");
            }
        }
        if (errors.Any)
        {
            return errors.ToProblem();
        }
        if (s.Closed)
        {
            return Problems.Conflict("The survey is closed.");
        }
        // One respondent, one response: the token issued to this device is spent by its answer.
        var presented = request.ResponseToken ?? http.Headers["X-Skm-Token"].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > 100)
        {
            return Problems.Validation("responseToken", $"A one-response token is required: POST /api/skm/public/{slug}/tokens first.");
        }
        var hash = SkmTokenLimit.Hash(presented.Trim());
        var token = await db.SkmResponseTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.SurveyId == s.Id, ct);
        if (token is null || token.ExpiresAt < clock.Now)
        {
            return Problems.Validation("responseToken", "The token is unknown, expired or for another survey: ask for a new one.");
        }
        if (token.UsedAt is not null)
        {
            return Problems.Conflict("This token has already been used: one response per respondent.");
        }
        token.UsedAt = clock.Now;
        db.SkmResponses.Add(new SkmResponse { Id = Guid.CreateVersion7(clock.Now), SurveyId = s.Id, Answers = [.. answers], SubmittedAt = clock.Now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("This token has already been used: one response per respondent.");
        }
        return TypedResults.Created((string?)null, new { received = true });
    }

    private static IResult SampleSize(int? population)
    {
        if (population is not (>= 0 and <= int.MaxValue))
        {
            return Problems.Validation("population", "A population of 0 or more.");
        }
        return TypedResults.Ok(new { population, minimumSample = KrejcieMorgan.MinimumSample(population.Value), rule = KrejcieMorgan.Rule });
    }
}
