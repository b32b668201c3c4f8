using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Tinjau.Evaluations.Api.Infrastructure;

/// <summary>
/// How a public SKM link keeps to one response per respondent without an account: each answer spends a token issued
/// to the respondent's device, and one address may take only <see cref="SkmOptions.TokensPerAddressPerHour"/> tokens
/// of a survey per hour (behind the gateway the address is the first of X-Forwarded-For; only the gateway reaches
/// this service).
/// </summary>
public static class SkmTokenLimit
{
    public const string Policy = "skm-tokens";

    public static string Hash(string token) => Tokens.Hash(token);

    public static IServiceCollection AddSkmTokenLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "3600";
                await context.HttpContext.Response.WriteAsJsonAsync(new
                {
                    type = "https://tools.ietf.org/html/rfc6585#section-4",
                    title = "Too many requests",
                    status = 429,
                    detail = "Terlalu banyak token survei dari alamat ini; coba lagi nanti. / Too many survey tokens from this address; try again later.",
                }, ct);
            };
            o.AddPolicy(Policy, http =>
            {
                var limit = http.RequestServices.GetRequiredService<IOptions<SkmOptions>>().Value.TokensPerAddressPerHour;
                var forwarded = http.Request.Headers["X-Forwarded-For"].FirstOrDefault()?.Split(',')[0].Trim();
                var address = string.IsNullOrEmpty(forwarded) ? http.Connection.RemoteIpAddress?.ToString() ?? "unknown" : forwarded;
                var slug = http.Request.RouteValues["slug"]?.ToString() ?? "";
                return RateLimitPartition.GetFixedWindowLimiter($"{slug}|{address}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limit),
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                });
            });
        });
}
