using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Tinjau.Gateway;

/// <summary>
/// Rate limits at the public entry. Routes name a policy in configuration (<c>RateLimiterPolicy</c>):
/// <c>public</c> for anonymous traffic such as complaint intake and tracking, <c>registration</c> (stricter) for
/// creating citizen accounts, <c>authenticated</c> for the rest.
/// Limits are per signed-in user (the token's subject), else per client address, and come from <c>Gateway:RateLimits</c>.
/// </summary>
internal static class RateLimiting
{
    public const string Public = "public";
    public const string Authenticated = "authenticated";
    public const string Registration = "registration";

    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Gateway:RateLimits");
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too many requests",
                        detail: "The request rate for this address is over the limit. Try again later.")
                    .ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(Public, context => FixedWindowPerClient(context, limits.GetValue("PublicPerMinute", 120)));
            options.AddPolicy(Registration, context => FixedWindowPerClient(context, limits.GetValue("RegistrationPerMinute", 20)));
            options.AddPolicy(Authenticated, context => FixedWindowPerClient(context, limits.GetValue("AuthenticatedPerMinute", 1200)));
        });
        return builder;
    }

    private static RateLimitPartition<string> FixedWindowPerClient(HttpContext context, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.User.FindFirst(TinjauClaims.Subject)?.Value is { } subject
                ? "sub:" + subject
                : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
}
