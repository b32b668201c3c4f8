using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tinjau.Inspections.Api.Apis;
using Tinjau.Inspections.Api.Domain;

namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>
/// Turns broken domain rules and write conflicts into 409 problem details, so no request gets a 500 for what it
/// asked (unreadable requests are ServiceDefaults' BadRequestProblems).
/// </summary>
public sealed class DomainExceptionHandler(ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult? result = exception switch
        {
            DomainException e => Problems.Conflict(e.Message),
            DbUpdateConcurrencyException => Problems.Conflict("The resource changed while this request was handled; read it again and retry."),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                Problems.Conflict("An id in this request is already used by another resource."),
            _ => null,
        };
        if (result is null)
        {
            return false;
        }
        logger.LogInformation("Request refused: {Message}", exception.Message);
        await result.ExecuteAsync(httpContext);
        return true;
    }
}
