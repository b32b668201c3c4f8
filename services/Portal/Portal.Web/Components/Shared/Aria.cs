namespace Tinjau.Portal.Web.Components.Shared;

/// <summary>Attributes that tie a field to its hint and error (aria-describedby, aria-invalid).</summary>
public static class Aria
{
    public static Dictionary<string, object> For(string field, IReadOnlyDictionary<string, string> errors, string? hintId = null)
    {
        var describedBy = string.Join(' ', new[] { hintId, errors.ContainsKey(field) ? $"{field}-error" : null }.Where(s => s is not null));
        var attributes = new Dictionary<string, object>();
        if (describedBy.Length > 0)
        {
            attributes["aria-describedby"] = describedBy;
        }
        if (errors.ContainsKey(field))
        {
            attributes["aria-invalid"] = "true";
        }
        return attributes;
    }

    /// <summary>The one sentence shown for a problem that is not about a field.</summary>
    public static string? ProblemSentence<T>(Tinjau.Portal.Web.Services.ApiResult<T> result, Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        if (result.Unavailable)
        {
            return text["ServiceDown"];
        }
        if (result.IsTooManyRequests)
        {
            return result.RetryAfterSeconds is { } s ? text["TooManyRequestsSeconds", s] : text["TooManyRequests"];
        }
        if (result.IsConflict)
        {
            return text["Conflict"];
        }
        if (result.IsForbidden)
        {
            return text["Forbidden"];
        }
        return result.Ok ? null : text["RequestNotAccepted"].Value;
    }
}
