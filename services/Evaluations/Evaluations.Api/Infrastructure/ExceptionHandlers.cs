using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tinjau.Evaluations.Api.Domain;

namespace Tinjau.Evaluations.Api.Infrastructure;

/// <summary>
/// Turns broken domain rules and lost concurrent updates into 409 and an unreachable unit registry into 503 — never a
/// 500 for a request's own fault (unreadable requests are ServiceDefaults' BadRequestProblems).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
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
}
