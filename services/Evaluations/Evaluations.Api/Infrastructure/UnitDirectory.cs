using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace Tinjau.Evaluations.Api.Infrastructure;

/// <summary>The unit registry could not answer; endpoints answer 503.</summary>
public sealed class UnitDirectoryUnavailableException(string message, Exception? inner = null) : DependencyUnavailableException(message, inner);

/// <summary>A unit as this service needs it.</summary>
public sealed record UnitInfo(Guid Id, string Code, string Name, string Type, Guid? ParentId, string TimeZone);

/// <summary>What Evaluations asks the unit registry: units, subtrees (for unit heads) and working-day arithmetic.</summary>
public interface IUnitDirectory
{
    Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct);

    /// <summary>The unit and every unit below it (just the unit when the registry does not know it).</summary>
    Task<IReadOnlyCollection<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> in the unit's calendar.</summary>
    Task<DateOnly> AddWorkingDaysAsync(Guid unitId, DateOnly from, int days, CancellationToken ct);
}

/// <summary>
/// <see cref="IUnitDirectory"/> over HTTP at <c>http://unitregistry</c> (service discovery: <c>services:unitregistry:http:0</c>);
/// units and subtrees cached in memory for five minutes.
/// </summary>
public sealed class HttpUnitDirectory(HttpClient http, IMemoryCache cache) : IUnitDirectory
{
    public const string BaseAddress = "http://unitregistry";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record UnitDto(Guid Id, string Code, string Name, string Type, Guid? ParentId, string TimeZone);

    private sealed record SubtreeDto(Guid Id);

    public Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct) => Guarded("get unit", async () =>
        await cache.GetOrCreateAsync($"unit:{unitId}", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            using var response = await http.GetAsync($"/api/units/{unitId}", ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            response.EnsureSuccessStatusCode();
            var dto = await response.Content.ReadFromJsonAsync<UnitDto>(Json, ct);
            return dto is null ? null : new UnitInfo(dto.Id, dto.Code, dto.Name, dto.Type, dto.ParentId, dto.TimeZone);
        }));

    public Task<IReadOnlyCollection<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct) => Guarded("subtree", async () =>
        (await cache.GetOrCreateAsync<IReadOnlyCollection<Guid>>($"subtree:{unitId}", async e =>
        {
            e.AbsoluteExpirationRelativeToNow = CacheFor;
            using var response = await http.GetAsync($"/api/units/{unitId}/subtree", ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return [unitId];
            }
            response.EnsureSuccessStatusCode();
            var items = await response.Content.ReadFromJsonAsync<List<SubtreeDto>>(Json, ct) ?? [];
            return items.Select(i => i.Id).ToHashSet();
        }))!);

    public Task<DateOnly> AddWorkingDaysAsync(Guid unitId, DateOnly from, int days, CancellationToken ct) => Guarded("add working days", async () =>
    {
        using var response = await http.PostAsJsonAsync("/api/calendar/working-days/add",
            new { unitId, from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days }, Json, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
        foreach (var name in new[] { "result", "date" })
        {
            if (body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: >= 10 } text
                && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }
        }
        throw new JsonException("The registry's working-day answer has no result date.");
    });

    private static async Task<T> Guarded<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or TimeoutException
                                       or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new UnitDirectoryUnavailableException($"The unit registry could not be reached ({what}); try again shortly.", ex);
        }
    }
}
