using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace Tinjau.Complaints.Api.Infrastructure;

/// <summary>
/// The unit registry could not answer (down, circuit open, timed out, or an answer that cannot be read). Callers
/// degrade (intake files the complaint unrouted, deadlines skip weekends only) or answer 503, never 500.
/// </summary>
public sealed class UnitRegistryUnavailableException(string message, Exception inner) : DependencyUnavailableException(message, inner);

/// <summary>A unit as the complaints service needs it.</summary>
public sealed record UnitInfo(Guid Id, string Code, string Name, string Type, Guid? ParentId, string TimeZone);

/// <summary>
/// Everything the complaints service asks the unit registry (over HTTP, through service discovery): units, the
/// kelurahan containing a point, a unit's subtree (for unit heads), and working-day arithmetic on its calendar.
/// </summary>
public interface IUnitRegistry
{
    Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct);

    /// <summary>The kelurahan containing the point, or null when none is found.</summary>
    Task<UnitInfo?> LocateKelurahanAsync(double latitude, double longitude, CancellationToken ct);

    /// <summary>The unit and all units below it.</summary>
    Task<IReadOnlyCollection<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> in the unit's calendar (city calendar when null).</summary>
    Task<DateOnly> AddWorkingDaysAsync(Guid? unitId, DateOnly from, int days, CancellationToken ct);

    /// <summary>Working days d with from &lt; d ≤ to in the unit's calendar.</summary>
    Task<int> CountWorkingDaysAsync(Guid? unitId, DateOnly from, DateOnly to, CancellationToken ct);
}

/// <summary>
/// <see cref="IUnitRegistry"/> over HTTP at <c>http://unitregistry</c> (resolved by service discovery from
/// <c>services:unitregistry:http:0</c>). Unit, locate and subtree answers are cached in memory for 5 minutes,
/// calendar answers (per unit, date and days) for 10 (holidays are data and change, but rarely).
/// </summary>
public sealed class HttpUnitRegistry(HttpClient http, IMemoryCache cache) : IUnitRegistry
{
    public const string BaseAddress = "http://unitregistry";
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CalendarCacheFor = TimeSpan.FromMinutes(10);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct) => Guarded("get unit", ct, () =>
        CachedAsync($"unit:{unitId}", () => GetOrNullAsync<UnitDto>($"/api/units/{unitId}", ct), dto => dto?.ToInfo()));

    public Task<UnitInfo?> LocateKelurahanAsync(double latitude, double longitude, CancellationToken ct) => Guarded("locate", ct, () =>
        CachedAsync(FormattableString.Invariant($"locate:{latitude:F5}:{longitude:F5}"),
            () => GetOrNullAsync<LocateDto>(FormattableString.Invariant($"/api/units/locate?lat={latitude}&lon={longitude}"), ct),
            dto => dto?.Kelurahan?.ToInfo()));

    public Task<IReadOnlyCollection<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct) => Guarded("subtree", ct, () =>
        CachedAsync<JsonElement?, IReadOnlyCollection<Guid>>($"subtree:{unitId}",
            async () => await GetOrNullAsync<JsonElement>($"/api/units/{unitId}/subtree", ct),
            e => e is { } el ? ReadIds(el) : [unitId]));

    public Task<DateOnly> AddWorkingDaysAsync(Guid? unitId, DateOnly from, int days, CancellationToken ct) =>
        Guarded("add working days", ct, () => CachedValueAsync($"add:{unitId}:{from:yyyyMMdd}:{days}", () => AddWorkingDaysCoreAsync(unitId, from, days, ct)));

    private async Task<DateOnly> AddWorkingDaysCoreAsync(Guid? unitId, DateOnly from, int days, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/calendar/working-days/add",
            new { unitId, from = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days }, Json, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
        // The registry answers with the instant at the same local time on the due date, e.g. "2026-11-11T00:00:00+07:00".
        foreach (var name in new[] { "result", "date" })
        {
            if (body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: >= 10 } text
                && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }
        }
        throw new InvalidOperationException("The unit registry's working-days answer has no date.");
    }

    public Task<int> CountWorkingDaysAsync(Guid? unitId, DateOnly from, DateOnly to, CancellationToken ct) =>
        Guarded("count working days", ct, () => CachedValueAsync($"count:{unitId}:{from:yyyyMMdd}:{to:yyyyMMdd}", () => CountWorkingDaysCoreAsync(unitId, from, to, ct)));

    private async Task<int> CountWorkingDaysCoreAsync(Guid? unitId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var query = FormattableString.Invariant($"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}") + (unitId is { } u ? $"&unitId={u}" : "");
        using var response = await http.GetAsync($"/api/calendar/working-days/count?{query}", ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
        foreach (var name in new[] { "workingDays", "count" })
        {
            if (body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number)
            {
                return v.GetInt32();
            }
        }
        throw new InvalidOperationException("The unit registry's working-days count has no number.");
    }

    /// <summary>Every failure but the caller's own cancellation becomes <see cref="UnitRegistryUnavailableException"/>.</summary>
    private static async Task<T> Guarded<T>(string what, CancellationToken ct, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new UnitRegistryUnavailableException($"The unit registry could not {what}: {ex.Message}", ex);
        }
    }

    /// <summary>Calendar answers for a date change only when holidays are edited: kept a few minutes.</summary>
    private async Task<T> CachedValueAsync<T>(string key, Func<Task<T>> fetch) where T : struct
    {
        if (cache.TryGetValue(key, out T hit))
        {
            return hit;
        }
        var value = await fetch();
        cache.Set(key, value, CalendarCacheFor);
        return value;
    }

    private async Task<TResult> CachedAsync<TDto, TResult>(string key, Func<Task<TDto?>> fetch, Func<TDto?, TResult> map)
    {
        if (cache.TryGetValue(key, out TResult? hit) && hit is not null)
        {
            return hit;
        }
        var value = map(await fetch());
        if (value is not null)
        {
            cache.Set(key, value, CacheFor);
        }
        return value;
    }

    private async Task<T?> GetOrNullAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return default;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(Json, ct);
    }

    private static Guid[] ReadIds(JsonElement e)
    {
        var items = e.ValueKind == JsonValueKind.Array ? e
            : e.TryGetProperty("units", out var u) ? u
            : e.TryGetProperty("items", out var i) ? i
            : default;
        if (items.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return items.EnumerateArray()
            .Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()
                : x.TryGetProperty("id", out var id) ? id.GetString() : null)
            .Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty)
            .ToArray();
    }

    private sealed record LocateDto(UnitDto? Kelurahan);

    private sealed record UnitDto(Guid Id, string? Code, string? Name, string? Type, Guid? ParentId, string? TimeZone)
    {
        public UnitInfo ToInfo() => new(Id, Code ?? "", Name ?? Code ?? Id.ToString(), Type ?? "other", ParentId, TimeZone ?? "Asia/Jakarta");
    }
}
