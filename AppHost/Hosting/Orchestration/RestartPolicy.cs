namespace Tinjau.AppHost.Hosting;

public static class RestartPolicy
{
    /// <summary>Delay after the n-th consecutive crash (n from 0): 1 s, 2 s, 4 s … at most 30 s.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Clamp(attempt, 0, 5))));
}
