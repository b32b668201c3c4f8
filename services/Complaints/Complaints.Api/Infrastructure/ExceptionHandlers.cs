using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tinjau.Complaints.Api.Domain;

namespace Tinjau.Complaints.Api.Infrastructure;

/// <summary>
/// Maps failures that are the caller's, not the server's, to problem details: forbidden transitions and concurrent
/// edits to 409, an unreachable unit registry to 503 (unreadable requests are ServiceDefaults' BadRequestProblems).
/// </summary>
public sealed class ComplaintsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
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
}
