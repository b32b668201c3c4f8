using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.UnitRegistry.Client;

/// <summary>How long answers are kept (in <see cref="HybridCache"/>); zero keeps nothing. A "not found" is never kept.</summary>
public sealed class UnitRegistryClientOptions
{
    /// <summary>Units, located kelurahan and subtrees [5 minutes].</summary>
    public TimeSpan UnitsFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Working-day answers per unit and dates: they change only when holidays are edited [10 minutes].</summary>
    public TimeSpan WorkingDaysFor { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A year's holidays [1 hour]; a year the registry cannot give is not kept, so the next call asks again.</summary>
    public TimeSpan HolidaysFor { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// <see cref="IUnitRegistryClient"/> over HTTP at <c>http://unitregistry</c> (resolved by service discovery from
/// <c>services:unitregistry:http:0</c>), reading the registry's answers as the records of UnitRegistry.Contracts.
/// </summary>
public sealed class HttpUnitRegistryClient(HttpClient http, HybridCache cache, IOptions<UnitRegistryClientOptions> options,
    ILogger<HttpUnitRegistryClient> logger) : IUnitRegistryClient
{
    public const string BaseAddress = "http://unitregistry";
    private const string KeyPrefix = "unitregistry-client:";
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    private UnitRegistryClientOptions Lifetimes => options.Value;

    public Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct) => Guarded("get the unit", ct, () =>
        CachedAsync($"unit:{unitId}", Lifetimes.UnitsFor, async token => ToInfo(await GetOrNullAsync<UnitResponse>($"/api/units/{unitId}", token)), ct));

    public Task<UnitInfo?> GetUnitByCodeAsync(string code, CancellationToken ct) => Guarded("find the unit by code", ct, async () =>
        ToInfo(await GetOrNullAsync<UnitResponse>($"/api/units/by-code/{Uri.EscapeDataString(code)}", ct)));

    public Task<UnitInfo?> LocateKelurahanAsync(double latitude, double longitude, CancellationToken ct) => Guarded("locate", ct, () =>
        CachedAsync(FormattableString.Invariant($"locate:{latitude:F5}:{longitude:F5}"), Lifetimes.UnitsFor, async token =>
            ToInfo((await GetOrNullAsync<LocateResponse>(FormattableString.Invariant($"/api/units/locate?lat={latitude}&lon={longitude}"), token))?.Kelurahan), ct));

    public async Task<IReadOnlyCollection<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct) => await Guarded("list the subtree", ct, () =>
        CachedAsync<Guid[]>($"subtree:{unitId}", Lifetimes.UnitsFor, async token =>
            (await GetOrNullAsync<List<SubtreeItem>>($"/api/units/{unitId}/subtree", token))?.Select(i => i.Id).ToArray() ?? [unitId], ct));

    public Task<DateOnly> AddWorkingDaysAsync(Guid? unitId, DateOnly from, int days, CancellationToken ct) => Guarded("add working days", ct, () =>
        CachedAsync($"add:{unitId}:{from:yyyyMMdd}:{days}", Lifetimes.WorkingDaysFor, async token =>
        {
            var request = new AddWorkingDaysRequest(unitId, null, from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days);
            using var response = await http.PostAsJsonAsync("/api/calendar/working-days/add", request, Json, token);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<AddWorkingDaysResponse>(Json, token)
                         ?? throw new JsonException("The unit registry's working-days answer is empty.");
            // The instant at the same local time on the due date, e.g. 2026-11-11T00:00:00+07:00: its local date is the due date.
            return DateOnly.FromDateTime(answer.Result.DateTime);
        }, ct));

    public Task<int> CountWorkingDaysAsync(Guid? unitId, DateOnly from, DateOnly to, CancellationToken ct) => Guarded("count working days", ct, () =>
        CachedAsync($"count:{unitId}:{from:yyyyMMdd}:{to:yyyyMMdd}", Lifetimes.WorkingDaysFor, async token =>
        {
            var query = FormattableString.Invariant($"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}") + (unitId is { } u ? $"&unitId={u}" : "");
            using var response = await http.GetAsync($"/api/calendar/working-days/count?{query}", token);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<CountWorkingDaysResponse>(Json, token)
                         ?? throw new JsonException("The unit registry's working-days count is empty.");
            return answer.WorkingDays;
        }, ct));

    public Task<bool?> IsInsideServiceHoursAsync(Guid unitId, DateTimeOffset at, CancellationToken ct) =>
        OrElse<bool?>(null, ct, async () =>
        {
            var query = Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));
            using var response = await http.GetAsync($"/api/units/{unitId}/service-hours/check?at={query}", ct);
            return response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<ServiceHoursCheckResponse>(Json, ct))?.IsOpen
                : null;
        }, "The unit registry could not check the service hours of unit {UnitId}", unitId);

    public Task<bool> IsDescendantAsync(Guid ancestorId, Guid unitId, CancellationToken ct) => ancestorId == unitId
        ? Task.FromResult(false)
        : OrElse(false, ct, async () =>
        {
            using var response = await http.GetAsync($"/api/units/{unitId}/ancestors", ct);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            var ancestors = await response.Content.ReadFromJsonAsync<List<UnitResponse>>(Json, ct) ?? [];
            return ancestors.Any(a => a.Id == ancestorId);
        }, "The unit registry could not list the ancestors of unit {UnitId}", unitId);

    public async Task<IReadOnlyList<DateOnly>?> GetHolidaysAsync(int year, CancellationToken ct) =>
        await OrElse<DateOnly[]?>(null, ct, () => CachedAsync<DateOnly[]?>($"holidays:{year}", Lifetimes.HolidaysFor, async token =>
        {
            using var response = await http.GetAsync($"/api/calendar/holidays?year={year}", token);
            return response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<List<HolidayResponse>>(Json, token))?.Select(h => h.Date).ToArray()
                : null;
        }, ct), "The unit registry did not give the holidays of {Year}", year);

    public async Task<IReadOnlySet<Guid>?> GetUnitIdsAsync(CancellationToken ct) =>
        await OrElse<IReadOnlySet<Guid>?>(null, ct, async () => (await ListAllAsync("", ct))?.Select(u => u.Id).ToHashSet(),
            "The unit registry did not list its units", null);

    public async Task<IReadOnlyList<UnitInfo>?> GetActiveKelurahanAsync(CancellationToken ct) =>
        await OrElse<IReadOnlyList<UnitInfo>?>(null, ct, async () => (await ListAllAsync("&type=kelurahan&active=true", ct))?.Select(u => ToInfo(u)!).ToList(),
            "The unit registry did not list its kelurahan", null);

    /// <summary>Every unit the list answers for <paramref name="filter"/>, page by page; null when a page is refused.</summary>
    private async Task<List<UnitResponse>?> ListAllAsync(string filter, CancellationToken ct)
    {
        const int size = 500;
        var units = new Dictionary<Guid, UnitResponse>();
        for (var page = 1; page <= 200; page++)
        {
            using var response = await http.GetAsync($"/api/units?page={page}&pageSize={size}{filter}", ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            var answer = await response.Content.ReadFromJsonAsync<UnitPage>(Json, ct);
            var items = answer?.Items ?? [];
            foreach (var item in items)
            {
                units[item.Id] = item;
            }
            if (items.Count < size || units.Count >= answer!.Total)
            {
                break;
            }
        }
        return [.. units.Values];
    }

    private static UnitInfo? ToInfo(UnitResponse? u) => u is null
        ? null
        : new UnitInfo(u.Id, u.Code ?? "", u.Name ?? u.Code ?? u.Id.ToString(), u.Type ?? "other", u.ParentId,
            u.TimeZone ?? IndonesianTimeZones.Wib, u.Location?.Latitude, u.Location?.Longitude);

    /// <summary>Every failure but the caller's own cancellation becomes <see cref="UnitRegistryUnavailableException"/>.</summary>
    private static async Task<T> Guarded<T>(string what, CancellationToken ct, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not UnitRegistryUnavailableException && (ex is not OperationCanceledException || !ct.IsCancellationRequested))
        {
            throw new UnitRegistryUnavailableException($"The unit registry could not {what}: {ex.Message}", ex);
        }
    }

    /// <summary>For a question the caller can do without: any failure but the caller's own cancellation is logged and answers <paramref name="fallback"/>.</summary>
    private async Task<T> OrElse<T>(T fallback, CancellationToken ct, Func<Task<T>> call, string message, object? subject)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
#pragma warning disable CA2254 // the templates are the constants above
            logger.LogWarning(ex, message, subject);
#pragma warning restore CA2254
            return fallback;
        }
    }

    /// <summary>The answer kept for <paramref name="lifetime"/> (not at all when zero); a null answer is never kept.</summary>
    private async Task<T> CachedAsync<T>(string key, TimeSpan lifetime, Func<CancellationToken, Task<T>> fetch, CancellationToken ct)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return await fetch(ct);
        }
        var entry = new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime };
        var value = await cache.GetOrCreateAsync(KeyPrefix + key, async token => await fetch(token), entry, cancellationToken: ct);
        if (value is null)
        {
            await cache.RemoveAsync(KeyPrefix + key, ct);
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
        return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw new JsonException($"The unit registry's answer to {path} is empty.");
    }
}
