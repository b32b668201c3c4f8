namespace Tinjau.Gateway;

/// <summary>
/// The gateway's coarse check: it validates tokens from the Identity service (signature, issuer, lifetime) for any
/// of the platform's audiences and applies the route policy named in configuration (<c>AuthorizationPolicy</c>:
/// <c>anonymous</c> for public routes, a <see cref="Policies"/> name otherwise). Each service validates the token
/// again for its own audience and applies the fine rules (unit scope, ownership).
/// </summary>
internal static class GatewayAuthentication
{
    public static IHostApplicationBuilder AddGatewayAuthentication(this IHostApplicationBuilder builder)
    {
        var audiences = builder.Configuration.GetSection("Gateway:Audiences").Get<string[]>()
                        ?? ["unitregistry", "identity", "complaints", "inspections", "evaluations"];
        builder.AddTinjauAuthentication(audience: audiences[0], options =>
        {
            options.TokenValidationParameters.ValidAudience = null;
            options.TokenValidationParameters.ValidAudiences = audiences;
        });
        return builder;
    }
}
