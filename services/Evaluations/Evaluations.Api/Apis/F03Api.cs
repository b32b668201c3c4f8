using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Tinjau.Evaluations.Api.Application;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Api.Infrastructure;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record InvitationRequest(int? Count);

public sealed record Invitation(string Token, string Link);

public sealed record F03ResponseRequest(Dictionary<string, int>? Answers);

public sealed record F03Questionnaire(string UnitName, int Year, IReadOnlyList<QuestionnaireItem> Items, string Scale);

public sealed record F03ItemResult(string Code, string Text, decimal? Mean);

public sealed record F03Overview(int Invitations, int Respondents, decimal? Score, bool Applied, decimal Share, int MinimumRespondents, string Rule,
    IReadOnlyList<F03ItemResult> Items);

public static class F03Api
{
    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder anonymous)
    {
        staff.MapPost("/{id:guid}/f03/invitations", Invite).WithTags("F03 questionnaire")
            .WithSummary("Make single-use invitation tokens for service users (evaluators); only their hashes are stored");
        staff.MapGet("/{id:guid}/f03", Overview).WithTags("F03 questionnaire").WithSummary("F03 respondents, per-item means and how F03 enters the index");
        anonymous.MapGet("/f03/{token}", Questionnaire).WithTags("F03 questionnaire").WithSummary("The questionnaire behind an invitation (no account)");
        anonymous.MapPost("/f03/{token}", Answer).WithTags("F03 questionnaire").WithSummary("Answer once per invitation token (0–5 per item); reuse is 409");
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static async Task<IResult> Invite(Guid id, InvitationRequest request, ClaimsPrincipal user, EvaluationLoader loader, EvaluationsDbContext db,
        IOptions<F03Options> options, CityClock clock, CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (!Access.CanScore(user, e!))
        {
            return EvaluationLoader.NotAllowed("invite F03 respondents");
        }
        var max = options.Value.MaxInvitationsPerRequest;
        if (request.Count is not { } count || count < 1 || count > max)
        {
            return Problems.Validation("count", $"From 1 to {max}.");
        }
        if (!e!.F03Open)
        {
            return Problems.Conflict($"F03 is closed: the evaluation is {e.Status.ToName()}.");
        }
        var invitations = new List<Invitation>();
        for (var i = 0; i < count; i++)
        {
            var token = Base64Url(RandomNumberGenerator.GetBytes(24));
            db.F03Invitations.Add(new F03Invitation { TokenHash = Hash(token), EvaluationId = id, CreatedAt = clock.Now });
            invitations.Add(new Invitation(token, $"/api/evaluations/f03/{token}"));
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(invitations);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<IResult> Overview(Guid id, ClaimsPrincipal user, EvaluationLoader loader, EvaluationIndex index, EvaluationsDbContext db,
        CancellationToken ct)
    {
        var (e, problem) = await loader.LoadAsync(id, user, ct);
        if (problem is not null)
        {
            return problem;
        }
        var instrument = await index.InstrumentOfAsync(e!, ct);
        var responses = await db.F03Responses.AsNoTracking().Where(r => r.EvaluationId == id).Select(r => r.Answers).ToListAsync(ct);
        var invitations = await db.F03Invitations.CountAsync(i => i.EvaluationId == id, ct);
        var result = await index.ComputeAsync(e!, instrument, ct);
        var items = instrument.Questionnaire.Select(q =>
        {
            var values = responses.Where(r => r.ContainsKey(q.Code)).Select(r => r[q.Code]).ToList();
            return new F03ItemResult(q.Code, q.Text, values.Count == 0 ? null : IndexCalculator.Round2((decimal)values.Sum() / values.Count));
        }).ToList();
        return TypedResults.Ok(new F03Overview(invitations, responses.Count, result.F03Score, result.F03Applied, index.F03.Share,
            index.F03.MinimumRespondents, index.F03.Rule, items));
    }

    private static async Task<(F03Invitation? Invitation, Evaluation? Evaluation)> FindAsync(string token, EvaluationsDbContext db, CancellationToken ct)
    {
        if (token.Length is < 16 or > 100)
        {
            return (null, null);
        }
        var hash = Hash(token);
        var invitation = await db.F03Invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null)
        {
            return (null, null);
        }
        return (invitation, await db.Evaluations.IgnoreAutoIncludes().AsNoTracking().FirstAsync(e => e.Id == invitation.EvaluationId, ct));
    }

    private static async Task<IResult> Questionnaire(string token, EvaluationsDbContext db, EvaluationIndex index, CancellationToken ct)
    {
        var (invitation, e) = await FindAsync(token, db, ct);
        if (invitation is null)
        {
            return Problems.NotFound("There is no such invitation.");
        }
        if (invitation.UsedAt is not null)
        {
            return Problems.Conflict("This invitation has already been answered.");
        }
        var instrument = await index.InstrumentOfAsync(e!, ct);
        return TypedResults.Ok(new F03Questionnaire(e!.UnitName, e.Year, instrument.Questionnaire, "0 (sangat buruk) … 5 (sangat baik)"));
    }

    private static async Task<IResult> Answer(string token, F03ResponseRequest request, EvaluationsDbContext db, EvaluationIndex index, CityClock clock,
        CancellationToken ct)
    {
        var (invitation, e) = await FindAsync(token, db, ct);
        if (invitation is null)
        {
            return Problems.NotFound("There is no such invitation.");
        }
        if (invitation.UsedAt is not null)
        {
            return Problems.Conflict("This invitation has already been answered; each invitation counts once.");
        }
        if (!e!.F03Open)
        {
            return Problems.Conflict("The questionnaire of this evaluation is closed.");
        }
        var instrument = await index.InstrumentOfAsync(e, ct);
        var errors = new FieldErrors();
        var answers = request.Answers ?? [];
        var normalized = new Dictionary<string, int>();
        foreach (var item in instrument.Questionnaire)
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
        foreach (var extra in answers.Keys.Where(k => instrument.Questionnaire.All(q => !string.Equals(q.Code, k, StringComparison.OrdinalIgnoreCase))))
        {
            errors.Add($"answers.{extra}", "Not an item of this questionnaire.");
        }
        if (errors.Any)
        {
            return errors.ToProblem();
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
            return Problems.Conflict("This invitation has already been answered; each invitation counts once.");
        }
        return TypedResults.Created((string?)null, new { received = true });
    }
}
