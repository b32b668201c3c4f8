using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The two endpoints the field app's script (<c>wwwroot/js/sidak.js</c>) calls when it sends a visit kept on the
/// device: a fresh antiforgery token, and the submission passed on to the inspections service with the signed-in
/// satgas's own token. Both answer JSON (never a sign-in redirect): the script keeps the visit queued on 401/403/503.
/// </summary>
public static class SidakEndpoints
{
    /// <summary>The largest submission passed on: the service's own limit is higher; photos are resized on the device.</summary>
    private const int MaxBody = 40 * 1024 * 1024;

    public static IEndpointRouteBuilder MapSidakEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sidak/kunci", (HttpContext http, IAntiforgery antiforgery, IStringLocalizer<Strings> text) =>
        {
            if (Refused(http, text) is { } refused)
            {
                return refused;
            }
            http.Response.Headers.CacheControl = "no-store";
            return Results.Json(new { token = antiforgery.GetAndStoreTokens(http).RequestToken });
        });

        app.MapPut("/sidak/kunjungan/{visitId:guid}/kirim", async (Guid visitId, HttpContext http, IAntiforgery antiforgery, PlatformApi api,
            IStringLocalizer<Strings> text, CancellationToken ct) =>
        {
            if (Refused(http, text) is { } refused)
            {
                return refused;
            }
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Answer(StatusCodes.Status400BadRequest, text["SidakSendToken"]);
            }
            if (http.Request.ContentLength > MaxBody || http.Request.ContentType is not { Length: > 0 } contentType)
            {
                return Answer(StatusCodes.Status413PayloadTooLarge, text["SidakSendTooLarge"]);
            }
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            var result = await api.SidakSubmitAsync(visitId, buffer.ToArray(), contentType, ct);
            if (result.Ok)
            {
                var v = result.Value!;
                var flags = v.CheckIn.Flags.Select(f => text["SidakFlag_" + f].ResourceNotFound ? f : text["SidakFlag_" + f].Value).ToList();
                return Results.Json(new
                {
                    accepted = true,
                    replay = result.Status == System.Net.HttpStatusCode.OK,
                    visitId = v.Id,
                    message = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["SidakAccepted"],
                        v.SubmittedAt is { } at ? PortalCulture.DateTime(at, v.UnitTimeZone) : "–", SidakApp.Percent(v.ComplianceScore)),
                    flags = flags.Count == 0 ? text["SidakNoFlags"].Value : string.Join(", ", flags),
                    record = v.RecordHash?[..Math.Min(12, v.RecordHash.Length)],
                });
            }
            if (result.Unavailable)
            {
                http.Response.Headers.RetryAfter = "5";
                return Answer(StatusCodes.Status503ServiceUnavailable, text["ServiceDown"]);
            }
            if (result.Errors.Count > 0)
            {
                return Answer(StatusCodes.Status400BadRequest,
                    string.Format(System.Globalization.CultureInfo.CurrentCulture, text["SidakRefusedFields"], string.Join(", ", result.Errors.Keys)));
            }
            return Answer((int)result.Status, result.IsConflict ? text["SidakConflict"] : result.IsForbidden ? text["SidakForbidden"] : text["RequestNotAccepted"]);
        });
        return app;
    }

    private static IResult? Refused(HttpContext http, IStringLocalizer<Strings> text) =>
        http.User.Identity?.IsAuthenticated != true ? Answer(StatusCodes.Status401Unauthorized, text["SidakSignIn"])
        : !SidakApp.Acts(http.User) ? Answer(StatusCodes.Status403Forbidden, text["SidakForbidden"])
        : null;

    private static IResult Answer(int status, string message) => Results.Json(new { accepted = false, message }, statusCode: status);
}
