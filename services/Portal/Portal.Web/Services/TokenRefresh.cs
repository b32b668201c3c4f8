using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// Keeps a signed-in citizen's access token fresh: shortly before it expires (<see cref="PortalOptions.RefreshTokensBefore"/>)
/// the portal redeems the refresh token (scope <c>offline_access</c>) at Identity's token endpoint, through the gateway.
/// A refresh token Identity refuses (account locked, token revoked) signs the citizen out; Identity unreachable leaves
/// the session as it is, to try again on the next page.
/// </summary>
internal static class TokenRefresh
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var properties = context.Properties;
        var services = context.HttpContext.RequestServices;
        var before = services.GetRequiredService<IOptions<PortalOptions>>().Value.RefreshTokensBefore;
        if (properties.GetTokenValue("refresh_token") is not { Length: > 0 } refreshToken
            || properties.GetTokenValue("expires_at") is not { } expires
            || !DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
            || expiresAt - DateTimeOffset.UtcNow > before)
        {
            return;
        }

        var oidc = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TokenRefresh));
        try
        {
            var endpoint = await PortalAuthentication.TokenEndpointAsync(oidc, services);
            using var response = await oidc.Backchannel.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = oidc.ClientId!,
            }), context.HttpContext.RequestAborted);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                logger.LogInformation("The refresh token was refused ({Status}); the citizen is signed out", (int)response.StatusCode);
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Refreshing the access token answered {Status}; trying again later", (int)response.StatusCode);
                return;
            }

            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
            var root = answer.RootElement;
            var tokens = new List<AuthenticationToken>
            {
                new() { Name = "access_token", Value = root.GetProperty("access_token").GetString()! },
                new() { Name = "refresh_token", Value = root.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString()! : refreshToken },
                new() { Name = "token_type", Value = root.TryGetProperty("token_type", out var type) ? type.GetString()! : "Bearer" },
                new()
                {
                    Name = "expires_at",
                    Value = DateTimeOffset.UtcNow.AddSeconds(root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 300)
                        .ToString("o", CultureInfo.InvariantCulture),
                },
            };
            if ((root.TryGetProperty("id_token", out var idToken) ? idToken.GetString() : properties.GetTokenValue("id_token")) is { } id)
            {
                tokens.Add(new AuthenticationToken { Name = "id_token", Value = id }); // sign-out sends it as id_token_hint
            }
            properties.StoreTokens(tokens);
            context.HttpContext.Items.Remove(PortalAuthentication.TokenItem);
            context.ShouldRenew = true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Refreshing the access token failed; trying again later");
        }
    }
}
