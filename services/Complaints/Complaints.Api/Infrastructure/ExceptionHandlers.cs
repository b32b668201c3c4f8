using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tinjau.Complaints.Api.Domain;

namespace Tinjau.Complaints.Api.Infrastructure;

/// <summary>
/// Maps failures that are the caller's, not the server's, to problem details: unreadable requests (malformed JSON,
/// wrong types) to 400 with field errors, forbidden transitions and concurrent edits to 409, an unreachable unit
/// registry to 503.
/// </summary>
public sealed class ComplaintsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException bad => BadRequest(bad),
            ComplaintConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = conflict.Message,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            },
            UnitRegistryUnavailableException => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The unit registry cannot be reached just now; try again shortly.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Conflict",
                Detail = "The complaint was changed by someone else at the same time; reload and try again.",
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var field = "$";
        var message = bad.Message;
        if (bad.InnerException is JsonException json)
        {
            field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            var i = json.Message.IndexOf(". ", StringComparison.Ordinal);
            message = "The request body is not valid JSON for this endpoint: " + (i > 0 ? json.Message[..(i + 1)] : json.Message);
        }
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest,
            Title = "The request could not be read.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
    }
}
