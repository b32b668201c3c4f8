using System.Collections.Concurrent;

namespace Tinjau.Complaints.Api.Infrastructure;

/// <summary>
/// This process's copy of the registry's active kelurahan (centroid, time zone), so that intake locates a point without
/// a call to the registry: loaded from the registry's list at start (and again every <see cref="RefreshEvery"/>, which
/// heals a missed event) and kept current by the unit events (<see cref="IntegrationEvents.KelurahanSnapshotConsumer"/>).
/// Same rule as the registry's locate endpoint (<see cref="KelurahanLocator"/>). A point with no kelurahan of the copy
/// within 3 km is still asked of the registry: a kelurahan registered a moment ago may not have reached the copy yet.
/// </summary>
public sealed class KelurahanSnapshot
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(10);

    // Per unit: the kelurahan (null once it is no longer an active kelurahan with a location) and how recent that is.
    private readonly ConcurrentDictionary<Guid, (UnitInfo? Kelurahan, DateTimeOffset AsOf)> units = new();
    private volatile bool loaded;

    /// <summary>Whether the registry's list has been read once; until then every point is asked of the registry.</summary>
    public bool IsLoaded => loaded;

    /// <summary>The kelurahan of the copy containing the point, or null (none within 3 km, or the copy is not loaded).</summary>
    public UnitInfo? Locate(GeoPoint point)
    {
        if (!loaded)
        {
            return null;
        }
        var candidates = units.Values.Select(v => v.Kelurahan).OfType<UnitInfo>();
        return KelurahanLocator.Nearest(point, candidates, k => new GeoPoint(k.Latitude!.Value, k.Longitude!.Value), k => k.Code)?.Candidate;
    }

    /// <summary>The registry's whole list as read at <paramref name="readAt"/>: an event newer than the read is kept.</summary>
    public void Load(IEnumerable<UnitInfo> activeKelurahan, DateTimeOffset readAt)
    {
        var listed = activeKelurahan.Where(Locatable).ToDictionary(k => k.Id);
        foreach (var (id, kelurahan) in listed)
        {
            units.AddOrUpdate(id, (kelurahan, readAt), (_, old) => old.AsOf > readAt ? old : (kelurahan, readAt));
        }
        foreach (var (id, old) in units)
        {
            if (!listed.ContainsKey(id) && old.AsOf <= readAt)
            {
                units.TryUpdate(id, (null, readAt), old);
            }
        }
        loaded = true;
    }

    /// <summary>A unit event: the unit as it is at <paramref name="at"/>, or gone from the kelurahan when <paramref name="unit"/> is null.</summary>
    public void Apply(Guid unitId, UnitInfo? unit, DateTimeOffset at)
    {
        var kelurahan = unit is not null && Locatable(unit) ? unit : null;
        units.AddOrUpdate(unitId, (kelurahan, at), (_, old) => old.AsOf > at ? old : (kelurahan, at));
    }

    private static bool Locatable(UnitInfo u) => u.Type == "kelurahan" && u.Latitude is not null && u.Longitude is not null;
}

/// <summary>Reads the registry's kelurahan into <see cref="KelurahanSnapshot"/> at start (retrying until it answers) and every ten minutes.</summary>
public sealed partial class KelurahanSnapshotLoader(IServiceScopeFactory scopes, KelurahanSnapshot snapshot, TimeProvider time,
    ILogger<KelurahanSnapshotLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            var readAt = time.GetUtcNow();
            IReadOnlyList<UnitInfo>? list;
            using (var scope = scopes.CreateScope())
            {
                list = await scope.ServiceProvider.GetRequiredService<IUnitRegistryClient>().GetActiveKelurahanAsync(stoppingToken);
            }
            if (list is not null)
            {
                snapshot.Load(list, readAt);
                LogLoaded(list.Count);
                retry = TimeSpan.FromSeconds(1);
            }
            else
            {
                retry = TimeSpan.FromSeconds(Math.Min(retry.TotalSeconds * 2, 30));
            }
            await Task.Delay(list is null ? retry : KelurahanSnapshot.RefreshEvery, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Kelurahan snapshot loaded: {Count} active kelurahan")]
    private partial void LogLoaded(int count);
}
