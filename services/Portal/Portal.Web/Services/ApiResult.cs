using System.Net;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// What a call to the platform gave: a value, or a problem (RFC 9457: status, field errors, Retry-After), or
/// <see cref="Unavailable"/> when the service could not be reached or answered 5xx.
/// </summary>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, IReadOnlyDictionary<string, string[]> Errors, string? Detail,
    int? RetryAfterSeconds, bool Unavailable)
{
    public bool Ok => Value is not null && (int)Status is >= 200 and < 300;

    public bool IsNotFound => Status == HttpStatusCode.NotFound;

    public bool IsConflict => Status == HttpStatusCode.Conflict;

    public bool IsTooManyRequests => Status == HttpStatusCode.TooManyRequests;

    public bool IsForbidden => Status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized;

    public static ApiResult<T> Down() =>
        new(HttpStatusCode.ServiceUnavailable, default, new Dictionary<string, string[]>(), null, null, Unavailable: true);
}
