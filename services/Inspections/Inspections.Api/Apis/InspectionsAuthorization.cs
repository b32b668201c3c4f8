using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Tinjau.Inspections.Api.Apis;

/// <summary>The role policies of Inspections' routes (on top of the platform's <see cref="Policies"/>).</summary>
public static class InspectionsPolicies
{
    /// <summary>Satgas, leadership and admins: the callers who may know of plans (<see cref="InspectionsScope.SeesPlans"/>).</summary>
    public const string PlanReaders = "inspections:plan-readers";

    /// <summary>Satgas and admins (<see cref="InspectionsScope.IsSatgas"/>).</summary>
    public const string Satgas = Policies.Satgas;

    public static void Add(AuthorizationOptions options) => options.AddPolicy(PlanReaders, policy => policy
        .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser()
        .RequireRole(TinjauRoles.Satgas, TinjauRoles.Leadership, TinjauRoles.Admin));

    /// <summary>Only the satgas (and admins); anyone else gets 403 with <paramref name="forbidden"/> as its detail.</summary>
    public static RouteHandlerBuilder RequireSatgas(this RouteHandlerBuilder builder, string forbidden) =>
        builder.RequireAuthorization(Satgas).WithMetadata(new ForbiddenDetail(forbidden)).ProducesProblem(StatusCodes.Status403Forbidden);
}

/// <summary>The detail of the 403 a route answers when its policy refuses the caller.</summary>
public sealed record ForbiddenDetail(string Detail);

/// <summary>
/// Answers a refused authorization: on a <see cref="SidakSecrecy.SecretRoute"/> a caller who may not know of plans
/// gets <see cref="SidakSecrecy.Hidden"/>; otherwise the route's <see cref="ForbiddenDetail"/>, or the platform's 401/403.
/// </summary>
public sealed class InspectionsAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler platform = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata is { } metadata)
        {
            if (metadata.GetMetadata<SidakSecrecy.SecretRouteMetadata>() is not null
                && !context.RequestServices.GetRequiredService<InspectionsScope>().SeesPlans)
            {
                await SidakSecrecy.Hidden.ExecuteAsync(context);
                return;
            }
            if (metadata.GetMetadata<ForbiddenDetail>() is { } forbidden)
            {
                await Problems.Forbidden(forbidden.Detail).ExecuteAsync(context);
                return;
            }
        }
        await platform.HandleAsync(next, context, policy, authorizeResult);
    }
}
