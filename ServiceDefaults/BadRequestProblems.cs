using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every service's answer to a request it cannot read (malformed JSON, a value of the wrong type, a missing body, a
/// body over the size limit): a problem details response with the field at fault, never a 500 or an empty 400.
/// Registered by <c>AddServiceDefaults()</c>; a service's own exception handlers see only its domain's exceptions.
/// </summary>
internal sealed class BadRequestProblems(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
        var (field, message) = bad.InnerException is JsonException json
            ? (string.IsNullOrEmpty(json.Path) ? "$" : json.Path, "The request body is not valid JSON for this endpoint: " + FirstSentence(json.Message))
            : ("$", bad.Message);
        httpContext.Response.StatusCode = status;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status,
            Title = status == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request could not be read.",
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static string FirstSentence(string s)
    {
        var i = s.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? s[..(i + 1)] : s;
    }
}
