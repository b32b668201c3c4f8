using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tinjau.Evaluations.Api.Domain;

namespace Tinjau.Evaluations.Api.Infrastructure;

/// <summary>
/// Turns request binding failures into 400 validation problems, broken domain rules and lost concurrent updates into
/// 409, and an unreachable unit registry into 503 — never a 500 for a request's own fault.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException bad:
                {
                    var field = "$";
                    var message = bad.Message;
                    if (bad.InnerException is JsonException json)
                    {
                        field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
                        message = "The request body is not valid JSON for this endpoint: " + FirstSentence(json.Message);
                    }
                    var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
                    problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                    {
                        Status = status,
                        Title = "The request could not be read.",
                    };
                    break;
                }
            case DomainException domain:
                problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = domain.Message };
                break;
            case DbUpdateConcurrencyException:
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status409Conflict,
                    Title = "Conflict",
                    Detail = "Someone else changed this at the same time; read it again and retry.",
                };
                break;
            case UnitDirectoryUnavailableException unavailable:
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service unavailable",
                    Detail = unavailable.Message,
                };
                break;
            default:
                return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string FirstSentence(string s)
    {
        var i = s.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? s[..(i + 1)] : s;
    }
}
