using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Diagnostics;

namespace Tinjau.Identity.Api.Infrastructure;

/// <summary>
/// Empty error responses become RFC 9457 problem details. Errors OpenIddict cannot send back to a client
/// (e.g. an authorization request without PKCE) carry the OAuth error and its description.
/// </summary>
public static class OpenIddictErrors
{
    public static async Task WriteProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var oidc = http.GetOpenIddictServerResponse();
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = http.Response.StatusCode,
            Detail = oidc?.ErrorDescription,
        };
        if (oidc?.Error is { } error)
        {
            problem.Title = error;
            problem.Extensions["error"] = error;
        }

        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
