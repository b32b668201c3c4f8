using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tinjau.Identity.Api.Infrastructure;

/// <summary>
/// Builds the claims principal OpenIddict turns into tokens: <c>sub</c>, <c>name</c>, <c>email</c>,
/// <c>phone_number</c>, one <c>role</c> claim per role, <c>unit_id</c> for unit-bound users; the granted
/// scopes, and as audiences the resources of the API scopes (one per service).
/// </summary>
public sealed class TokenPrincipals(UserManager<TinjauUser> users, IOpenIddictScopeManager scopes)
{
    public const string UnitIdClaim = "unit_id";

    public async Task<ClaimsPrincipal> ForUserAsync(TinjauUser user, IEnumerable<string> grantedScopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(authenticationType: "Tinjau", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.PhoneNumber, user.PhoneNumber)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        if (user.UnitId is { } unitId)
        {
            identity.SetClaim(UnitIdClaim, unitId.ToString());
        }

        return await FinishAsync(identity, grantedScopes, cancellationToken);
    }

    public async Task<ClaimsPrincipal> ForClientAsync(string clientId, string? displayName, IEnumerable<string> grantedScopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(authenticationType: "Tinjau", nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId)
            .SetClaims(Claims.Role, [Microsoft.Extensions.Hosting.TinjauRoles.Service]);
        return await FinishAsync(identity, grantedScopes, cancellationToken);
    }

    private async Task<ClaimsPrincipal> FinishAsync(ClaimsIdentity identity, IEnumerable<string> grantedScopes, CancellationToken cancellationToken)
    {
        var scopeList = grantedScopes.ToList();
        identity.SetScopes(scopeList);
        var resources = new List<string>();
        await foreach (var resource in scopes.ListResourcesAsync([.. scopeList], cancellationToken))
        {
            resources.Add(resource);
        }

        identity.SetResources(resources);
        identity.SetDestinations(claim => Destinations(claim, scopeList));
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> Destinations(Claim claim, List<string> scopes)
    {
        switch (claim.Type)
        {
            case Claims.Subject:
                yield return OpenIddictConstants.Destinations.AccessToken;
                yield return OpenIddictConstants.Destinations.IdentityToken;
                yield break;
            case Claims.Name or Claims.PreferredUsername:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (scopes.Contains(Scopes.Profile))
                {
                    yield return OpenIddictConstants.Destinations.IdentityToken;
                }

                yield break;
            case Claims.Email:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (scopes.Contains(Scopes.Email))
                {
                    yield return OpenIddictConstants.Destinations.IdentityToken;
                }

                yield break;
            case Claims.PhoneNumber:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (scopes.Contains(Scopes.Phone))
                {
                    yield return OpenIddictConstants.Destinations.IdentityToken;
                }

                yield break;
            case Claims.Role or UnitIdClaim:
                yield return OpenIddictConstants.Destinations.AccessToken;
                if (scopes.Contains(Scopes.Roles))
                {
                    yield return OpenIddictConstants.Destinations.IdentityToken;
                }

                yield break;
            default:
                // Never leak the security stamp or other internal claims.
                yield break;
        }
    }
}
