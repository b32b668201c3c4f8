namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>
/// The ids of every unit, asked of the registry as a whole and kept for <see cref="KeepFor"/> (shared by every request):
/// plan creation checks its targets here, so neither a registry request, a log line nor a trace attribute names them.
/// A target missing from the kept directory makes one fresh directory request (the same request as any other). While
/// the registry cannot tell, plans are accepted and the check-in verifies the unit.
/// </summary>
public sealed class UnitDirectory(IUnitRegistry registry, TimeProvider clock)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);

    private static readonly Lock Gate = new();
    private static (IReadOnlySet<Guid> Ids, DateTimeOffset At)? _kept;

    /// <summary>The known unit ids (containing <paramref name="wanted"/> if the registry knows them), or null when it cannot tell.</summary>
    public async Task<IReadOnlySet<Guid>?> GetUnitIdsAsync(IReadOnlyCollection<Guid> wanted, CancellationToken ct)
    {
        lock (Gate)
        {
            if (_kept is { } kept && clock.GetUtcNow() - kept.At < KeepFor && wanted.All(kept.Ids.Contains))
            {
                return kept.Ids;
            }
        }
        var ids = await registry.GetUnitIdsAsync(ct);
        if (ids is not null)
        {
            lock (Gate)
            {
                _kept = (ids, clock.GetUtcNow());
            }
        }
        return ids;
    }
}
