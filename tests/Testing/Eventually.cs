using System.Diagnostics;

namespace Tinjau.Testing;

/// <summary>
/// Polls a condition until it holds or the deadline passes: how tests wait for something asynchronous
/// (an event consumed, a span exported, a process gone) without sleeping for a guessed time.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }
            await Task.Delay(Interval);
        }
    }

    public static Task<T> GetAsync<T>(Func<T?> probe, TimeSpan timeout, string what) where T : class =>
        GetAsync(() => Task.FromResult(probe()), timeout, what);

    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan timeout, string what) =>
        await GetAsync(async () => await probe() ? "ok" : null, timeout, what);

    public static Task TrueAsync(Func<bool> probe, TimeSpan timeout, string what) =>
        TrueAsync(() => Task.FromResult(probe()), timeout, what);
}
