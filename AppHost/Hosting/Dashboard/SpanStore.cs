namespace Tinjau.AppHost.Dashboard;

/// <summary>The most recent spans (default 20,000) in memory.</summary>
public sealed class SpanStore(int capacity = 20_000)
{
    private readonly Queue<SpanRecord> _spans = new();
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _spans.Count;
            }
        }
    }

    public void Add(IEnumerable<SpanRecord> spans)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                _spans.Enqueue(span);
                if (_spans.Count > capacity)
                {
                    _spans.Dequeue();
                }
            }
        }
    }

    public IReadOnlyList<SpanRecord> GetTrace(string traceId)
    {
        lock (_gate)
        {
            return _spans.Where(s => string.Equals(s.TraceId, traceId, StringComparison.OrdinalIgnoreCase)).OrderBy(s => s.Start).ToList();
        }
    }

    /// <summary>Most recent traces first; with <paramref name="service"/>, only traces that service took part in.</summary>
    public IReadOnlyList<TraceSummary> GetTraces(string? service, int limit)
    {
        List<SpanRecord> snapshot;
        lock (_gate)
        {
            snapshot = [.. _spans];
        }

        return snapshot
            .GroupBy(s => s.TraceId)
            .Where(g => string.IsNullOrEmpty(service) || g.Any(s => string.Equals(s.ServiceName, service, StringComparison.OrdinalIgnoreCase)))
            .Select(Summarize)
            .OrderByDescending(t => t.Start)
            .Take(Math.Clamp(limit, 1, 1000))
            .ToList();
    }

    private static TraceSummary Summarize(IGrouping<string, SpanRecord> trace)
    {
        var ids = trace.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var root = trace.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start).FirstOrDefault()
            ?? trace.OrderBy(s => s.Start).First();
        var start = trace.Min(s => s.Start);
        var end = trace.Max(s => s.End);
        return new TraceSummary(trace.Key, root.Name, root.ServiceName,
            trace.Select(s => s.ServiceName).Distinct(StringComparer.Ordinal).ToList(), start, (end - start).TotalMilliseconds, trace.Count());
    }
}
