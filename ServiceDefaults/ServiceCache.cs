using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A service's read-through cache: <see cref="HybridCache"/> in memory (L1, at most <see cref="LocalLifetime"/>) over
/// Redis (L2, the service's key prefix as <c>InstanceName</c>), entries invalidated by tag.
/// <list type="bullet">
/// <item>Redis unreachable: HybridCache counts a failed L2 read or write as a miss, so the database answers after at
/// most one short timeout (the client fails fast, <see cref="Dependencies.AddServiceCache"/>).</item>
/// <item>HybridCache remembers a tag's invalidation time as it first read it from Redis and does not read it again, so
/// <see cref="RemoveByTagAsync"/> also tells the service's other instances over Redis pub/sub (<c>{prefix}invalidated</c>)
/// and they invalidate the tag too.</item>
/// <item>Redis back after an outage: every entry is invalidated (tag <c>*</c>, here and in the other instances), since
/// what changed meanwhile could not invalidate it.</item>
/// </list>
/// </summary>
public sealed class ServiceCache : IHostedService
{
    /// <summary>The longest an entry lives in an instance's memory (shorter if its expiration is).</summary>
    public static readonly TimeSpan LocalLifetime = TimeSpan.FromSeconds(30);

    private const string Everything = "*";
    private readonly HybridCache _cache;
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisChannel _channel;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly ILogger<ServiceCache> _logger;
    private int _lost;
    private int _subscribed;

    public ServiceCache(HybridCache cache, IConnectionMultiplexer redis, string keyPrefix, ILogger<ServiceCache> logger)
    {
        _cache = cache;
        _redis = redis;
        _channel = RedisChannel.Literal(keyPrefix + "invalidated");
        _logger = logger;
    }

    public ValueTask<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, ValueTask<T>> factory, TimeSpan expiration,
        IEnumerable<string>? tags, CancellationToken ct) =>
        _cache.GetOrCreateAsync(key, factory, new HybridCacheEntryOptions
        {
            Expiration = expiration,
            LocalCacheExpiration = expiration < LocalLifetime ? expiration : LocalLifetime,
        }, tags, ct);

    /// <summary>Invalidates every entry with this tag in every instance (call after the change is committed).</summary>
    public async Task RemoveByTagAsync(string tag)
    {
        await InvalidateAsync(tag);
        try
        {
            await _redis.GetSubscriber().PublishAsync(_channel, $"{_instance} {tag}");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Other instances could not be told to invalidate {Tag}; their copies expire within {Lifetime}", tag, LocalLifetime);
        }
    }

    private async Task InvalidateAsync(string tag)
    {
        try
        {
            // in memory at once; in Redis, the tag's invalidation time
            await _cache.RemoveByTagAsync(tag);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Invalidating {Tag} in Redis failed; its entries are dropped everywhere when Redis returns", tag);
        }
    }

    async Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        _redis.ConnectionFailed += OnFailed;
        _redis.ConnectionRestored += OnRestored;
        await SubscribeAsync();
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken)
    {
        _redis.ConnectionFailed -= OnFailed;
        _redis.ConnectionRestored -= OnRestored;
        return Task.CompletedTask;
    }

    private async Task SubscribeAsync()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 1)
        {
            return;
        }
        try
        {
            await _redis.GetSubscriber().SubscribeAsync(_channel, (channel, message) =>
            {
                var text = (string?)message;
                if (text?.Split(' ', 2) is [var sender, var tag] && sender != _instance)
                {
                    _ = InvalidateAsync(tag);
                }
            });
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Interlocked.Exchange(ref _subscribed, 0);
            _logger.LogWarning(ex, "Not subscribed to cache invalidations yet; trying again when Redis returns");
        }
    }

    private void OnFailed(object? sender, ConnectionFailedEventArgs e) => Interlocked.Exchange(ref _lost, 1);

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType != ConnectionType.Interactive || Interlocked.Exchange(ref _lost, 0) == 0)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            await SubscribeAsync();
            await RemoveByTagAsync(Everything);
            _logger.LogInformation("The cache is back: every entry cached before is dropped");
        });
    }

    /// <summary>Entries are stored as JSON with the web defaults (camelCase), as before HybridCache.</summary>
    internal sealed class WebJson : IHybridCacheSerializerFactory
    {
        public bool TryCreateSerializer<T>([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IHybridCacheSerializer<T>? serializer)
        {
            serializer = new Serializer<T>();
            return true;
        }

        private sealed class Serializer<T> : IHybridCacheSerializer<T>
        {
            public T Deserialize(ReadOnlySequence<byte> source)
            {
                var reader = new Utf8JsonReader(source);
                return JsonSerializer.Deserialize<T>(ref reader, JsonSerializerOptions.Web)!;
            }

            public void Serialize(T value, IBufferWriter<byte> target)
            {
                using var writer = new Utf8JsonWriter(target);
                JsonSerializer.Serialize(writer, value, JsonSerializerOptions.Web);
            }
        }
    }
}
