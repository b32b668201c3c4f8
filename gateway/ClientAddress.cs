using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Tinjau.Gateway;

/// <summary>
/// Decides the client address that rate limits and the services see. A request carrying the trusted forwarder key
/// (<see cref="TrustedForwarder"/>) speaks for the citizen named in its <c>X-Forwarded-For</c>; any other request is
/// its connection's address, and whatever <c>X-Forwarded-For</c> it sent is dropped (YARP then sets its own).
/// </summary>
internal static class ClientAddress
{
    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app)
    {
        var key = app.ApplicationServices.GetRequiredService<IConfiguration>()[TrustedForwarder.KeyConfiguration];
        var expected = string.IsNullOrEmpty(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            if (expected is not null
                && headers.TryGetValue(TrustedForwarder.Header, out var presented)
                && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented.ToString())), expected)
                && IPAddress.TryParse(headers["X-Forwarded-For"].ToString().Split(',')[0].Trim(), out var citizen))
            {
                context.Connection.RemoteIpAddress = citizen;
            }

            headers.Remove(TrustedForwarder.Header);
            headers.Remove("X-Forwarded-For");
            return next(context);
        });
    }
}
