using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Tinjau.Inspections.Tests;

/// <summary>
/// Everything the service under test writes to its logs (Information and above) and every tag of every activity it starts, as
/// text: what operations could read in the dashboard.
/// </summary>
public sealed class Telemetry : ILoggerProvider
{
    private readonly ActivityListener listener;

    public Telemetry()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => Lines.Enqueue($"{a.Source.Name} {a.DisplayName} "
                                                 + string.Join(' ', a.TagObjects.Select(t => $"{t.Key}={t.Value}"))),
        };
        ActivitySource.AddActivityListener(listener);
    }

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => listener.Dispose();

    private sealed class Logger(Telemetry sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Lines.Enqueue($"{category} {formatter(state, exception)} {exception}");
    }
}
