using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tinjau;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one way a Tinjau service fails (registered by <c>AddServiceDefaults()</c>): every exception that reaches the
/// pipeline becomes an RFC 9457 problem of the same shape in every service.
/// <list type="bullet">
/// <item>A request that cannot be read (malformed JSON, a duplicate member, a control character, a value of the wrong
/// type, a body too large) and a value the database refuses as data (a NUL, a date out of range): 400 with the field.</item>
/// <item><see cref="NotFoundException"/> 404, <see cref="ConflictException"/> and lost concurrent updates 409,
/// <see cref="RuleBrokenException"/> 400.</item>
/// <item><see cref="DependencyUnavailableException"/>, a database, cache or service that cannot be reached, a
/// timeout or an open circuit: 503 with <c>Retry-After</c>, quickly.</item>
/// </list>
/// No stack trace, SQL or server detail ever reaches the body. What is left is a genuine bug: 500, logged.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Classify(exception) is not { } problem)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            var seconds = exception is DependencyUnavailableException d ? d.RetryAfterSeconds : RetryAfterSeconds;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            logger.LogWarning("{Method} {Route} answered 503: {Reason}", httpContext.Request.Method,
                (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "?", exception.GetType().Name);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails? Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => Unreadable(bad),
        InvalidDataException or IOException when IsBodyRead(exception) =>
            Invalid("$", "The request body could not be read: a form or multipart body that is cut short or malformed."),
        NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message, "https://tools.ietf.org/html/rfc9110#section-15.5.5"),
        ConflictException e => Conflict(e.Message),
        RuleBrokenException e => Invalid(e.Field, e.Message),
        DependencyUnavailableException e => Unavailable(e.Message),
        DbUpdateConcurrencyException => Conflict("This was changed by someone else at the same time; read it again and retry."),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
            Conflict("An id or key in this request is already used."),
        _ when Find<PostgresException>(exception) is { SqlState: ['2', '2', ..] } data => Invalid("$", DataError(data.SqlState)),
        _ when IsUnreachable(exception) => Unavailable("A service this request needs cannot be reached just now; try again shortly."),
        _ => null,
    };

    /// <summary>A form or multipart body that ends early or breaks its own format, found while reading it.</summary>
    private static bool IsBodyRead(Exception exception) =>
        exception.StackTrace is { } trace
        && (trace.Contains("Microsoft.AspNetCore.WebUtilities.Multipart", StringComparison.Ordinal)
            || trace.Contains("Microsoft.AspNetCore.Http.Features.FormFeature", StringComparison.Ordinal));

    /// <summary>The database, the cache or another service is down, slow or shedding load.</summary>
    private static bool IsUnreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // Connection exceptions (08), insufficient resources (53), operator intervention (57: shutdown).
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("57", StringComparison.Ordinal);
                case NpgsqlException or SocketException or TimeoutException or HttpRequestException:
                    return true;
                case Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException:
                    return true;
            }
            if (e.GetType().FullName is { } name && name.StartsWith("StackExchange.Redis.Redis", StringComparison.Ordinal)
                && name.EndsWith("Exception", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }

    private static string DataError(string sqlState) => sqlState switch
    {
        PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter =>
            "A text value contains a character that cannot be stored (such as NUL).",
        PostgresErrorCodes.DatetimeFieldOverflow or "22007" => "A date or time is out of range.",
        PostgresErrorCodes.NumericValueOutOfRange => "A number is out of range.",
        PostgresErrorCodes.StringDataRightTruncation => "A text value is too long.",
        _ => "A value in this request cannot be stored.",
    };

    private static ProblemDetails Unreadable(BadHttpRequestException bad)
    {
        var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
        var (field, message) = bad.InnerException is JsonException json
            ? (string.IsNullOrEmpty(json.Path) ? "$" : json.Path, "The request body is not valid JSON for this endpoint: " + FirstSentence(json.Message))
            : ("$", bad.Message);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = status == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request could not be read.",
        };
    }

    private static ProblemDetails Invalid(string field, string message) =>
        new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };

    private static ProblemDetails Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", detail, "https://tools.ietf.org/html/rfc9110#section-15.5.10");

    private static ProblemDetails Unavailable(string detail) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Service unavailable", detail, "https://tools.ietf.org/html/rfc9110#section-15.6.4");

    private static ProblemDetails Problem(int status, string title, string detail, string type) =>
        new() { Status = status, Title = title, Detail = detail, Type = type };

    private static string FirstSentence(string s)
    {
        var i = s.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? s[..(i + 1)] : s;
    }
}
