using System.Text.Json;
using StackExchange.Redis;

namespace Tinjau.UnitRegistry.Api.Infrastructure;

/// <summary>
/// Read-through cache of API responses in Redis. Keys carry a generation number (<c>unitregistry:gen</c>) that every
/// change to units increments, so one INCR invalidates every cached unit, hierarchy and lookup at once; entries also
/// expire after <see cref="Ttl"/>. When Redis is unreachable the cache is skipped and the database answers.
/// </summary>
public sealed class UnitCache(IConnectionMultiplexer redis, ILogger<UnitCache> logger)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private const string GenerationKey = "unitregistry:gen";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T?> GetOrCreateAsync<T>(string key, Func<CancellationToken, Task<T?>> factory, CancellationToken ct) where T : class
    {
        string? fullKey = null;
        if (redis.IsConnected)
        {
            try
            {
                var db = redis.GetDatabase();
                var gen = (long?)await db.StringGetAsync(GenerationKey) ?? 0;
                fullKey = $"unitregistry:v{gen}:{key}";
                var cached = await db.StringGetAsync(fullKey);
                if (cached.HasValue)
                {
                    return JsonSerializer.Deserialize<T>((string)cached!, Json);
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Cache read of {Key} failed; answering from the database", key);
                fullKey = null;
            }
        }

        var value = await factory(ct);
        if (value is not null && fullKey is not null)
        {
            try
            {
                await redis.GetDatabase().StringSetAsync(fullKey, JsonSerializer.Serialize(value, Json), Ttl);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Cache write of {Key} failed", key);
            }
        }
        return value;
    }

    /// <summary>Invalidates every cached read (call after the change is committed).</summary>
    public async Task InvalidateAsync()
    {
        try
        {
            await redis.GetDatabase().StringIncrementAsync(GenerationKey);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Cache invalidation failed; cached reads expire within {Ttl}", Ttl);
        }
    }
}
