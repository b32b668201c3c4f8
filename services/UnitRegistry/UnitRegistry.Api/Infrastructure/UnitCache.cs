namespace Tinjau.UnitRegistry.Api.Infrastructure;

/// <summary>
/// Read-through cache of API responses (<see cref="ServiceCache"/>: memory, then Redis under <c>unitregistry:</c>).
/// Every entry carries the tag <c>units</c>, which every change to units invalidates, so one call drops every cached
/// unit, hierarchy and lookup at once; entries also expire after <see cref="Ttl"/>. A missing answer (null) is not
/// cached. When Redis is unreachable the database answers.
/// </summary>
public sealed class UnitCache(ServiceCache cache)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private static readonly string[] Tags = ["units"];

    public async Task<T?> GetOrCreateAsync<T>(string key, Func<CancellationToken, Task<T?>> factory, CancellationToken ct) where T : class
    {
        try
        {
            return await cache.GetOrCreateAsync(key, async token => await factory(token) ?? throw new NothingToCache(), Ttl, Tags, ct);
        }
        catch (NothingToCache)
        {
            return null;
        }
    }

    /// <summary>Invalidates every cached read (call after the change is committed).</summary>
    public Task InvalidateAsync() => cache.RemoveByTagAsync(Tags[0]);

    /// <summary>Thrown out of the factory so that HybridCache stores nothing for a null answer.</summary>
    private sealed class NothingToCache : Exception;
}
