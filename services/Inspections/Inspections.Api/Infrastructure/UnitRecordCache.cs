using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>
/// Unit records in Redis. Each unit has a generation counter in its keys; a change to the unit (submission,
/// follow-up step) increments it, so every cached period of that unit is stale at once without scanning keys.
/// Redis being down never fails a request: the record is computed from the database instead.
/// </summary>
public sealed class UnitRecordCache(IConnectionMultiplexer redis, IOptions<InspectionsOptions> options, ILogger<UnitRecordCache> logger)
{
    private static string GenerationKey(Guid unitId) => $"inspections:unit-record:{unitId:N}:generation";

    public async Task<T> GetOrCreateAsync<T>(Guid unitId, string period, Func<CancellationToken, Task<T>> create, CancellationToken ct)
    {
        string? key = null;
        try
        {
            var db = redis.GetDatabase();
            var generation = (long?)await db.StringGetAsync(GenerationKey(unitId)) ?? 0;
            key = $"inspections:unit-record:{unitId:N}:{generation}:{period}";
            var cached = await db.StringGetAsync(key);
            if (cached.HasValue)
            {
                return JsonSerializer.Deserialize<T>((string)cached!, JsonSerializerOptions.Web)!;
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "The cache is unavailable; computing the unit record");
            key = null;
        }
        var value = await create(ct);
        if (key is not null)
        {
            try
            {
                await redis.GetDatabase().StringSetAsync(key, JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
                    options.Value.UnitRecordCacheDuration);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning(ex, "Could not cache the unit record of {UnitId}", unitId);
            }
        }
        return value;
    }

    public async Task InvalidateAsync(Guid unitId)
    {
        try
        {
            await redis.GetDatabase().StringIncrementAsync(GenerationKey(unitId));
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Could not invalidate the cached unit record of {UnitId}; it expires within the cache duration", unitId);
        }
    }
}
