using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>What Inspections needs to know of a unit, from the unit registry.</summary>
public sealed record UnitInfo(Guid Id, string Code, string Name, Guid? ParentId, string TimeZone, double? Latitude, double? Longitude);

/// <summary>The unit registry, asked over HTTP when the answer must be fresh.</summary>
public interface IUnitRegistry
{
    /// <summary>The unit, or null when the registry does not know it.</summary>
    /// <exception cref="UnitRegistryUnavailableException">The registry did not answer.</exception>
    Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct);

    /// <summary>Whether <paramref name="at"/> is inside the unit's service hours, or null when the registry cannot tell.</summary>
    Task<bool?> IsInsideServiceHoursAsync(Guid unitId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Whether <paramref name="unitId"/> lies below <paramref name="ancestorId"/> (for unit heads' subtrees).</summary>
    Task<bool> IsDescendantAsync(Guid ancestorId, Guid unitId, CancellationToken ct);

    /// <summary>
    /// The national holidays and cuti bersama of a year (entered, fixed-date and estimated), or null when the registry
    /// cannot tell. The question names a year only, never a unit.
    /// </summary>
    Task<IReadOnlyList<DateOnly>?> GetHolidaysAsync(int year, CancellationToken ct);

    /// <summary>
    /// The ids of every unit the registry knows (the whole directory, page by page), or null when it cannot tell.
    /// Plans are checked against it so that creating one asks nothing about its target units.
    /// </summary>
    Task<IReadOnlySet<Guid>?> GetUnitIdsAsync(CancellationToken ct);
}

public sealed class UnitRegistryUnavailableException(string message, Exception? inner = null) : DependencyUnavailableException(message, inner);

/// <summary>
/// <see cref="IUnitRegistry"/> over the registry's HTTP API (<c>http://unitregistry</c>, resolved by service
/// discovery): <c>GET /api/units/{id}</c>, <c>GET /api/units/{id}/service-hours/check?at=</c>,
/// <c>GET /api/units/{id}/ancestors</c>, <c>GET /api/calendar/holidays?year=</c>.
/// </summary>
public sealed class HttpUnitRegistry(HttpClient http, ILogger<HttpUnitRegistry> logger) : IUnitRegistry
{
    private sealed record LocationDto(double? Latitude, double? Longitude);

    private sealed record UnitDto(Guid Id, string? Code, string? Name, Guid? ParentId, LocationDto? Location, string? TimeZone);

    private sealed record CheckDto(bool IsOpen);

    private sealed record HolidayDto(DateOnly Date);

    private sealed record IdDto(Guid Id);

    private sealed record PageDto(List<IdDto>? Items, int Total);

    public async Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync($"/api/units/{unitId}", ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
            response.EnsureSuccessStatusCode();
            var dto = await response.Content.ReadFromJsonAsync<UnitDto>(JsonSerializerOptions.Web, ct)
                      ?? throw new UnitRegistryUnavailableException("The unit registry returned an empty unit.");
            return new UnitInfo(dto.Id, dto.Code ?? "", dto.Name ?? "", dto.ParentId, dto.TimeZone ?? "",
                dto.Location?.Latitude, dto.Location?.Longitude);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The unit registry did not answer for unit {UnitId}", unitId);
            throw new UnitRegistryUnavailableException("The unit registry did not answer.", ex);
        }
    }

    public async Task<bool?> IsInsideServiceHoursAsync(Guid unitId, DateTimeOffset at, CancellationToken ct)
    {
        try
        {
            var query = Uri.EscapeDataString(at.ToString("O"));
            using var response = await http.GetAsync($"/api/units/{unitId}/service-hours/check?at={query}", ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            var dto = await response.Content.ReadFromJsonAsync<CheckDto>(JsonSerializerOptions.Web, ct);
            return dto?.IsOpen;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The unit registry could not check the service hours of unit {UnitId}", unitId);
            return null;
        }
    }

    public async Task<bool> IsDescendantAsync(Guid ancestorId, Guid unitId, CancellationToken ct)
    {
        if (ancestorId == unitId)
        {
            return false;
        }
        try
        {
            using var response = await http.GetAsync($"/api/units/{unitId}/ancestors", ct);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            var ancestors = await response.Content.ReadFromJsonAsync<List<UnitDto>>(JsonSerializerOptions.Web, ct) ?? [];
            return ancestors.Any(a => a.Id == ancestorId);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The unit registry could not list the ancestors of unit {UnitId}", unitId);
            return false;
        }
    }

    public async Task<IReadOnlyList<DateOnly>?> GetHolidaysAsync(int year, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync($"/api/calendar/holidays?year={year}", ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            var list = await response.Content.ReadFromJsonAsync<List<HolidayDto>>(JsonSerializerOptions.Web, ct);
            return list?.Select(h => h.Date).ToList();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The unit registry did not give the holidays of {Year}", year);
            return null;
        }
    }

    public async Task<IReadOnlySet<Guid>?> GetUnitIdsAsync(CancellationToken ct)
    {
        const int size = 500;
        var ids = new HashSet<Guid>();
        try
        {
            for (var page = 1; page <= 200; page++)
            {
                using var response = await http.GetAsync($"/api/units?page={page}&pageSize={size}", ct);
                if (!response.IsSuccessStatusCode)
                {
                    return null;
                }
                var dto = await response.Content.ReadFromJsonAsync<PageDto>(JsonSerializerOptions.Web, ct);
                var items = dto?.Items ?? [];
                ids.UnionWith(items.Select(i => i.Id));
                if (items.Count < size || ids.Count >= dto!.Total)
                {
                    return ids;
                }
            }
            return ids;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The unit registry did not list its units");
            return null;
        }
    }
}
