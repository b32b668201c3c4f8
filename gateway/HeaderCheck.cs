namespace Tinjau.Gateway;

/// <summary>
/// Kestrel reads header values as Latin-1, but the proxy's HTTP client sends only ASCII: a header with any other byte
/// (a UTF-8 <c>Idempotency-Key</c>, a control character) would fail on the way to the service. It is refused here,
/// with a problem naming the header, before any route sees it.
/// </summary>
internal static class HeaderCheck
{
    public static IApplicationBuilder UseHeaderCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null && !IsPlainAscii(value))
                {
                    await Problems.Validation(name, "A header value may hold only printable ASCII characters.").ExecuteAsync(context);
                    return;
                }
            }
        }
        await next(context);
    });

    private static bool IsPlainAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is not ('\t' or >= ' ' and <= '~'))
            {
                return false;
            }
        }
        return true;
    }
}
