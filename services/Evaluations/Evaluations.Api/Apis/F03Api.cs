using Microsoft.AspNetCore.Http.HttpResults;

namespace Tinjau.Evaluations.Api.Apis;

public sealed record InvitationRequest(int? Count);

public sealed record Invitation(string Token, string Link);

public sealed record F03ResponseRequest(Dictionary<string, int>? Answers);

public sealed record F03Questionnaire(string UnitName, int Year, IReadOnlyList<QuestionnaireItem> Items, string Scale);

public sealed record F03ItemResult(string Code, string Text, decimal? Mean);

public sealed record F03Overview(int Invitations, int Respondents, decimal? Score, bool Applied, decimal Share, int MinimumRespondents, string Rule,
    IReadOnlyList<F03ItemResult> Items);

/// <summary>What an anonymous answer (F03, SKM) gets back.</summary>
public sealed record ResponseReceived(bool Received);

/// <summary>The F03 questionnaire; what each does is in <see cref="F03Operations"/>.</summary>
public static class F03Api
{
    public static void Map(RouteGroupBuilder staff, RouteGroupBuilder anonymous)
    {
        staff.MapPost("/{id:guid}/f03/invitations", Invite).WithTags("F03 questionnaire")
            .WithSummary("Make single-use invitation tokens for service users (evaluators); only their hashes are stored")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);
        staff.MapGet("/{id:guid}/f03", Overview).WithTags("F03 questionnaire").WithSummary("F03 respondents, per-item means and how F03 enters the index")
            .ProducesProblems(StatusCodes.Status404NotFound);
        anonymous.MapGet("/f03/{token}", Questionnaire).WithTags("F03 questionnaire").WithSummary("The questionnaire behind an invitation (no account)")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        anonymous.MapPost("/f03/{token}", Answer).WithTags("F03 questionnaire").WithSummary("Answer once per invitation token (0–5 per item); reuse is 409")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
    }

    public static string Hash(string token) => Tokens.Hash(token);

    private static async Task<Results<Ok<List<Invitation>>, ValidationProblem, ProblemHttpResult>> Invite(Guid id, InvitationRequest request,
        F03Operations f03, CancellationToken ct) =>
        (await f03.InviteAsync(id, request, ct)).OkOrInvalid();

    private static async Task<Results<Ok<F03Overview>, ValidationProblem, ProblemHttpResult>> Overview(Guid id, F03Operations f03,
        CancellationToken ct) =>
        (await f03.OverviewAsync(id, ct)).OkOrInvalid();

    private static async Task<Results<Ok<F03Questionnaire>, ValidationProblem, ProblemHttpResult>> Questionnaire(string token, F03Operations f03,
        CancellationToken ct) =>
        (await f03.QuestionnaireAsync(token, ct)).OkOrInvalid();

    private static async Task<Results<Created<ResponseReceived>, ValidationProblem, ProblemHttpResult>> Answer(string token,
        F03ResponseRequest request, F03Operations f03, CancellationToken ct) =>
        (await f03.AnswerAsync(token, request, ct)).Created(_ => null);
}
