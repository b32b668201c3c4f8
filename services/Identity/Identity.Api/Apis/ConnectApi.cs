using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tinjau.Identity.Api.Apis;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to us after validating the protocol:
/// authorize (code + PKCE), token (code, refresh, client credentials, dev-only password), logout, userinfo.
/// </summary>
public static class ConnectApi
{
    private const string ServerScheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").ExcludeFromDescription();
        connect.MapMethods("/authorize", ["GET", "POST"], AuthorizeAsync);
        connect.MapPost("/token", ExchangeAsync).DisableAntiforgery();
        connect.MapMethods("/logout", ["GET", "POST"], LogoutAsync).DisableAntiforgery();
        connect.MapMethods("/userinfo", ["GET", "POST"], UserInfoAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserManager<TinjauUser> users, TokenPrincipals principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;

        if (user is null || request.HasPromptValue(PromptValues.Login) || !await CanSignInAsync(users, user, context))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            // Back to this very request after the login form; prompt=login is dropped so it is asked only once.
            var parameters = context.Request.HasFormContentType
                ? context.Request.Form.Where(p => p.Key != Parameters.Prompt).ToList()
                : context.Request.Query.Where(p => p.Key != Parameters.Prompt).ToList();
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        // First-party portal with implicit consent: sign the user in to the client straight away.
        var principal = await principals.ForUserAsync(user, request.GetScopes(), context.RequestAborted);
        return TypedResults.SignIn(principal, authenticationScheme: ServerScheme);
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context, UserManager<TinjauUser> users, SignInManager<TinjauUser> signIn,
        TokenPrincipals principals, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cancellationToken = context.RequestAborted;

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken);
            var displayName = application is null ? null : await applications.GetDisplayNameAsync(application, cancellationToken);
            var principal = await principals.ForClientAsync(request.ClientId!, displayName, request.GetScopes(), cancellationToken);
            return TypedResults.SignIn(principal, authenticationScheme: ServerScheme);
        }

        if (request.IsPasswordGrantType())
        {
            // Only tinjau-cli holds the password-grant permission, and only when the development CLI client is enabled.
            var user = SignInName.TryParse(request.Username, out var name) ? await users.FindByNameAsync(name.Value) : null;
            if (user is null)
            {
                return Forbid(Errors.InvalidGrant, "The user name or password is not valid.");
            }

            var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return Forbid(Errors.InvalidGrant, "The account is locked out. Try again later.");
            }

            if (!result.Succeeded)
            {
                return Forbid(Errors.InvalidGrant, "The user name or password is not valid.");
            }

            var principal = await principals.ForUserAsync(user, request.GetScopes(), cancellationToken);
            return TypedResults.SignIn(principal, authenticationScheme: ServerScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var authenticated = await context.AuthenticateAsync(ServerScheme);
            var user = authenticated.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (user is null || !await CanSignInAsync(users, user, context))
            {
                return Forbid(Errors.InvalidGrant, "The user is no longer allowed to sign in.");
            }

            // Fresh roles and unit binding, same scopes as originally granted.
            var principal = await principals.ForUserAsync(user, authenticated.Principal!.GetScopes(), cancellationToken);
            return TypedResults.SignIn(principal, authenticationScheme: ServerScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, SignInManager<TinjauUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [ServerScheme]);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context, UserManager<TinjauUser> users)
    {
        var authenticated = await context.AuthenticateAsync(ServerScheme);
        var user = authenticated.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null)
        {
            return TypedResults.Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The access token is not valid for a known user.",
            }), [ServerScheme]);
        }

        var principal = authenticated.Principal!;
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName;
            claims[Claims.PreferredUsername] = user.UserName;
        }

        if (principal.HasScope(Scopes.Email) && user.Email is not null)
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Phone) && user.PhoneNumber is not null)
        {
            claims[Claims.PhoneNumber] = user.PhoneNumber;
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
            if (user.UnitId is { } unitId)
            {
                claims[TokenPrincipals.UnitIdClaim] = unitId;
            }
        }

        return TypedResults.Ok(claims);
    }

    private static async Task<bool> CanSignInAsync(UserManager<TinjauUser> users, TinjauUser user, HttpContext context) =>
        !await users.IsLockedOutAsync(user);

    private static IResult Forbid(string error, string description) =>
        TypedResults.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [ServerScheme]);
}
