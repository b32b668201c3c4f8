using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// SKM (Survei Kepuasan Masyarakat) surveys: opened and closed by the unit or evaluators, answered anonymously behind a
/// public link with one-response tokens (<see cref="SkmTokenLimit"/>), scored by <see cref="SkmCalculator"/>.
/// </summary>
public sealed class SkmOperations(EvaluationsScope scope, IUnitRegistryClient units, EvaluationsDbContext db, CityClock clock,
    IOptions<SkmOptions> options)
{
    private const string NoSuchSurvey = "There is no such survey.", Closed = "The survey is closed.",
        TokenUsed = "This token has already been used: one response per respondent.";

    private async Task<Refusal?> ManagesAsync(Guid unitId, CancellationToken ct) => await scope.ManagesSurveysAsync(unitId, ct)
        ? null
        : Refusal.Forbidden("Only the unit's own staff or evaluators manage its surveys.");

    public async Task<Outcome<SkmSurveyView>> CreateAsync(SkmSurveyRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(request);
        if (request.UnitId is null || request.UnitId == Guid.Empty)
        {
            errors.Add("unitId", "Required.");
        }
        if (request.Year is not (>= 2000 and <= 2100))
        {
            errors.Add("year", "A year from 2000 to 2100.");
        }
        if (request.Population is not (>= 1 and <= 100_000_000))
        {
            errors.Add("population", "The number of service users in the period, at least 1.");
        }
        if ((Refusal.Of(errors) ?? await ManagesAsync(request.UnitId!.Value, ct)) is { } refusal)
        {
            return refusal;
        }
        var unit = await units.GetUnitAsync(request.UnitId!.Value, ct);
        if (unit is null)
        {
            return Refusal.Invalid("unitId", $"The unit registry has no unit {request.UnitId}.");
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
            CreatedBy = scope.Subject,
            CreatedAt = clock.Now,
        };
        db.SkmSurveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return Outcome<SkmSurveyView>.Created(SkmSurveyView.From(survey));
    }

    public async Task<Outcome<SkmSurveyView[]>> ListAsync(Guid? unitId, int? year, CancellationToken ct)
    {
        var (allowed, unit) = await scope.ListedUnitAsync(unitId, ct);
        if (!allowed)
        {
            return Refusal.Forbidden("Unit staff see the surveys of their own unit only.");
        }
        var list = await db.SkmSurveys.AsNoTracking().Where(s => (unit == null || s.UnitId == unit) && (year == null || s.Year == year))
            .OrderByDescending(s => s.CreatedAt).Take(500).ToListAsync(ct);
        return list.Select(SkmSurveyView.From).ToArray();
    }

    /// <summary>A survey the caller may read (anyone else gets the same 404 as for a missing one).</summary>
    private async Task<Outcome<T>> WithSurveyAsync<T>(Guid id, Func<SkmSurvey, Task<Outcome<T>>> then, CancellationToken ct)
    {
        var s = await db.SkmSurveys.FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null || !await scope.CanReadUnitAsync(s.UnitId, ct) ? Refusal.NotFound($"There is no survey {id}.") : await then(s);
    }

    public Task<Outcome<SkmSurveyView>> GetAsync(Guid id, CancellationToken ct) =>
        WithSurveyAsync<SkmSurveyView>(id, s => Task.FromResult<Outcome<SkmSurveyView>>(SkmSurveyView.From(s)), ct);

    public Task<Outcome<SkmResultsView>> ResultsAsync(Guid id, CancellationToken ct) => WithSurveyAsync<SkmResultsView>(id, async s =>
    {
        var responses = await db.SkmResponses.AsNoTracking().Where(r => r.SurveyId == id).Select(r => r.Answers).ToListAsync(ct);
        var result = SkmCalculator.Compute(responses, options.Value);
        var minimum = KrejcieMorgan.MinimumSample(s.Population);
        return new SkmResultsView(s.Id, s.UnitId, s.Year, s.Period, s.Population, minimum, responses.Count, responses.Count >= minimum,
            KrejcieMorgan.Rule, result, responses.Count == 0 ? [] : result.Elements.OrderBy(e => e.Nrr).Take(3).ToList());
    }, ct);

    /// <summary>
    /// Only closed surveys are published, each with its IKM, band and whether the sample reached the Krejcie–Morgan
    /// minimum; an open survey's running figure is not public.
    /// </summary>
    public async Task<Outcome<SkmPublicResults>> PublicResultsAsync(int? year, CancellationToken ct)
    {
        var y = year ?? clock.Today.Year;
        if (y is < 2000 or > 2100)
        {
            return Refusal.Invalid("year", "The year must be between 2000 and 2100.");
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
        return new SkmPublicResults(y, items);
    }

    public Task<Outcome<SkmSurveyView>> CloseAsync(Guid id, CancellationToken ct) => WithSurveyAsync<SkmSurveyView>(id, async s =>
    {
        if (await ManagesAsync(s.UnitId, ct) is { } forbidden)
        {
            return forbidden;
        }
        if (s.Closed)
        {
            return Refusal.Conflict("The survey is already closed.");
        }
        s.Closed = true;
        await db.SaveChangesAsync(ct);
        return SkmSurveyView.From(s);
    }, ct);

    private async Task<SkmSurvey?> BySlugAsync(string slug, CancellationToken ct) =>
        await db.SkmSurveys.AsNoTracking().FirstOrDefaultAsync(x => x.PublicSlug == slug, ct);

    public async Task<Outcome<SkmPublicView>> PublicFormAsync(string slug, CancellationToken ct) =>
        await BySlugAsync(slug, ct) is { } s
            ? new SkmPublicView(s.UnitName, s.Period, s.ServiceName, SkmElements.All.Select(e => new SkmElementView(e.Code, e.Name)).ToList(),
                "1 (tidak baik) … 4 (sangat baik)")
            : Refusal.NotFound(NoSuchSurvey);

    public async Task<Outcome<SkmTokenView>> IssueTokenAsync(string slug, CancellationToken ct)
    {
        var s = await BySlugAsync(slug, ct);
        if (s is null)
        {
            return Refusal.NotFound(NoSuchSurvey);
        }
        if (s.Closed)
        {
            return Refusal.Conflict(Closed);
        }
        var token = Tokens.New(32);
        var expires = clock.Now + options.Value.TokenLifetime;
        db.SkmResponseTokens.Add(new SkmResponseToken { TokenHash = Tokens.Hash(token), SurveyId = s.Id, IssuedAt = clock.Now, ExpiresAt = expires });
        await db.SaveChangesAsync(ct);
        return Outcome<SkmTokenView>.Created(new SkmTokenView(token, expires));
    }

    /// <summary>One respondent, one response: the token issued to this device (<paramref name="presented"/>) is spent by its answer.</summary>
    public async Task<Outcome<ResponseReceived>> AnswerAsync(string slug, List<int>? requested, string? presented, CancellationToken ct)
    {
        var s = await BySlugAsync(slug, ct);
        if (s is null)
        {
            return Refusal.NotFound(NoSuchSurvey);
        }
        var answers = requested ?? [];
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
        if (Refusal.Of(errors) is { } invalid)
        {
            return invalid;
        }
        if (s.Closed)
        {
            return Refusal.Conflict(Closed);
        }
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > 100)
        {
            return Refusal.Invalid("responseToken", $"A one-response token is required: POST /api/skm/public/{slug}/tokens first.");
        }
        var hash = Tokens.Hash(presented.Trim());
        var token = await db.SkmResponseTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.SurveyId == s.Id, ct);
        if (token is null || token.ExpiresAt < clock.Now)
        {
            return Refusal.Invalid("responseToken", "The token is unknown, expired or for another survey: ask for a new one.");
        }
        if (token.UsedAt is not null)
        {
            return Refusal.Conflict(TokenUsed);
        }
        token.UsedAt = clock.Now;
        db.SkmResponses.Add(new SkmResponse { Id = Guid.CreateVersion7(clock.Now), SurveyId = s.Id, Answers = [.. answers], SubmittedAt = clock.Now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(TokenUsed);
        }
        return Outcome<ResponseReceived>.Created(new ResponseReceived(true));
    }
}
