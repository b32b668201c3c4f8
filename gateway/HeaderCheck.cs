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
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await TypedResults.ValidationProblem(
                            new Dictionary<string, string[]> { [name] = ["A header value may hold only printable ASCII characters."] },
                            title: "One or more validation errors occurred.", type: "https://tools.ietf.org/html/rfc9110#section-15.5.1")
                        .ExecuteAsync(context);
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
