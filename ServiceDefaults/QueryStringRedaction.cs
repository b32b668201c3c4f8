using System.Diagnostics;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Keeps query-string values out of exported spans (<c>url.query</c>, <c>url.full</c>): a citizen's tracking secret
/// travels in the portal's secret link. Keys stay, so a trace still shows which parameters a request had.
/// </summary>
public sealed class QueryStringRedaction : BaseProcessor<Activity>
{
    private static readonly string[] Tags = ["url.query", "url.full", "http.url", "http.target"];

    public override void OnEnd(Activity data)
    {
        foreach (var tag in Tags)
        {
            if (data.GetTagItem(tag) is string { Length: > 0 } value && (tag == "url.query" || value.Contains('?', StringComparison.Ordinal)))
            {
                data.SetTag(tag, Redact(value));
            }
        }
    }

    /// <summary><c>/x?secret=abc&amp;page=2</c> → <c>/x?secret=Redacted&amp;page=Redacted</c>.</summary>
    public static string Redact(string value)
    {
        var start = value.IndexOf('?', StringComparison.Ordinal);
        var (head, query) = start >= 0 ? (value[..(start + 1)], value[(start + 1)..]) : ("", value);
        var parts = query.Split('&').Select(p => p.IndexOf('=', StringComparison.Ordinal) is var i and >= 0 ? p[..i] + "=Redacted" : p);
        return head + string.Join('&', parts);
    }
}
