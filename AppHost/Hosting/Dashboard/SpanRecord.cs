namespace Tinjau.AppHost.Dashboard;

/// <summary>One decoded span; ids are lower-case hex.</summary>
public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string ServiceName,
    DateTimeOffset Start,
    DateTimeOffset End,
    string Status,
    IReadOnlyDictionary<string, string> Attributes)
{
    public double DurationMs => (End - Start).TotalMilliseconds;
}

/// <summary>A trace as listed by GET /api/traces.</summary>
public sealed record TraceSummary(string TraceId, string RootName, string RootService, IReadOnlyList<string> Services, DateTimeOffset Start, double DurationMs, int SpanCount);
