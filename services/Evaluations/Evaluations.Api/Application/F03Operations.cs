using Microsoft.Extensions.Options;
using Npgsql;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// F03, the service users' questionnaire: single-use invitations (only their hashes are stored), one answer each, and
/// how F03 enters the IPP (<see cref="IndexCalculator"/>: its share and minimum respondents from <see cref="F03Options"/>).
/// </summary>
public sealed class F03Operations(EvaluationLoader loader, EvaluationIndex index, EvaluationsDbContext db, IOptions<F03Options> options,
    CityClock clock)
{
    private const string Answered = "This invitation has already been answered";

    public Task<Outcome<List<Invitation>>> InviteAsync(Guid id, InvitationRequest request, CancellationToken ct) =>
        loader.WithAsync<List<Invitation>>(id, (s, e) => s.CanScore(e), "invite F03 respondents", async e =>
        {
            var max = options.Value.MaxInvitationsPerRequest;
            if (request.Count is not { } count || count < 1 || count > max)
            {
                return Refusal.Invalid("count", $"From 1 to {max}.");
            }
            if (!e.F03Open)
            {
                return Refusal.Conflict($"F03 is closed: the evaluation is {e.Status.ToName()}.");
            }
            var invitations = new List<Invitation>();
            for (var i = 0; i < count; i++)
            {
                var token = Tokens.New(24);
                db.F03Invitations.Add(new F03Invitation { TokenHash = Tokens.Hash(token), EvaluationId = id, CreatedAt = clock.Now });
                invitations.Add(new Invitation(token, $"/api/evaluations/f03/{token}"));
            }
            await db.SaveChangesAsync(ct);
            return invitations;
        }, ct);

    public Task<Outcome<F03Overview>> OverviewAsync(Guid id, CancellationToken ct) => loader.WithAsync<F03Overview>(id, async e =>
    {
        var instrument = await index.InstrumentOfAsync(e, ct);
        var responses = await db.F03Responses.AsNoTracking().Where(r => r.EvaluationId == id).Select(r => r.Answers).ToListAsync(ct);
        var invitations = await db.F03Invitations.CountAsync(i => i.EvaluationId == id, ct);
        var result = await index.ComputeAsync(e, instrument, ct);
        var items = instrument.Questionnaire.Select(q =>
        {
            var values = responses.Where(r => r.ContainsKey(q.Code)).Select(r => r[q.Code]).ToList();
            return new F03ItemResult(q.Code, q.Text, values.Count == 0 ? null : IndexCalculator.Round2((decimal)values.Sum() / values.Count));
        }).ToList();
        return new F03Overview(invitations, responses.Count, result.F03Score, result.F03Applied, index.F03.Share,
            index.F03.MinimumRespondents, index.F03.Rule, items);
    }, ct);

    /// <summary>The unanswered invitation behind a token and its evaluation, or the 404/409 for it.</summary>
    private async Task<Outcome<T>> WithInvitationAsync<T>(string token, string answeredDetail,
        Func<F03Invitation, Evaluation, Instrument, Task<Outcome<T>>> then, CancellationToken ct)
    {
        var hash = Tokens.Hash(token);
        var invitation = token.Length is < 16 or > 100 ? null : await db.F03Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null)
        {
            return Refusal.NotFound("There is no such invitation.");
        }
        if (invitation.UsedAt is not null)
        {
            return Refusal.Conflict(answeredDetail);
        }
        var e = await db.Evaluations.IgnoreAutoIncludes().AsNoTracking().FirstAsync(x => x.Id == invitation.EvaluationId, ct);
        return await then(invitation, e, await index.InstrumentOfAsync(e, ct));
    }

    public Task<Outcome<F03Questionnaire>> QuestionnaireAsync(string token, CancellationToken ct) =>
        WithInvitationAsync<F03Questionnaire>(token, $"{Answered}.", (_, e, instrument) => Task.FromResult<Outcome<F03Questionnaire>>(
            new F03Questionnaire(e.UnitName, e.Year, instrument.Questionnaire, "0 (sangat buruk) … 5 (sangat baik)")), ct);

    public Task<Outcome<ResponseReceived>> AnswerAsync(string token, F03ResponseRequest request, CancellationToken ct) =>
        WithInvitationAsync<ResponseReceived>(token, $"{Answered}; each invitation counts once.", async (invitation, e, instrument) =>
        {
            if (!e.F03Open)
            {
                return Refusal.Conflict("The questionnaire of this evaluation is closed.");
            }
            var errors = new FieldErrors();
            var normalized = Normalize(errors, request.Answers ?? [], instrument.Questionnaire);
            if (Refusal.Of(errors) is { } invalid)
            {
                return invalid;
            }
            invitation.UsedAt = clock.Now;
            db.F03Responses.Add(new F03Response
            {
                Id = Guid.CreateVersion7(clock.Now),
                EvaluationId = e.Id,
                TokenHash = invitation.TokenHash,
                Answers = normalized,
                SubmittedAt = clock.Now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return Refusal.Conflict($"{Answered}; each invitation counts once.");
            }
            return Outcome<ResponseReceived>.Created(new ResponseReceived(true));
        }, ct);

    /// <summary>One answer 0–5 per item, matched case-insensitively, keyed by the item's own code; no other items.</summary>
    private static Dictionary<string, int> Normalize(FieldErrors errors, Dictionary<string, int> answers, IReadOnlyList<QuestionnaireItem> items)
    {
        var normalized = new Dictionary<string, int>();
        foreach (var item in items)
        {
            var pair = answers.FirstOrDefault(a => string.Equals(a.Key, item.Code, StringComparison.OrdinalIgnoreCase));
            if (pair.Key is null)
            {
                errors.Add($"answers.{item.Code}", "Required (0–5).");
            }
            else if (pair.Value is < 0 or > 5)
            {
                errors.Add($"answers.{item.Code}", "From 0 to 5.");
            }
            else
            {
                normalized[item.Code] = pair.Value;
            }
        }
        foreach (var extra in answers.Keys.Where(k => items.All(q => !string.Equals(q.Code, k, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add($"answers.{extra}", "Not an item of this questionnaire.");
        }
        return normalized;
    }
}
