using System.ComponentModel;

namespace Tinjau.UnitRegistry.Client;

/// <summary>A unit as the services need it (from the registry's <c>UnitResponse</c>).</summary>
[ImmutableObject(true)]
public sealed record UnitInfo(Guid Id, string Code, string Name, string Type, Guid? ParentId, string TimeZone,
    double? Latitude = null, double? Longitude = null);

/// <summary>
/// The unit registry could not answer (down, circuit open, timed out, or an answer that cannot be read). Callers
/// degrade (intake files the complaint unrouted, deadlines skip weekends only) or answer 503, never 500.
/// </summary>
public sealed class UnitRegistryUnavailableException(string message, Exception? inner = null) : DependencyUnavailableException(message, inner);

/// <summary>
/// Everything the services ask the unit registry (<c>UnitRegistry.Api</c>, over HTTP). Two kinds of operation:
/// those that must be answered throw <see cref="UnitRegistryUnavailableException"/> when the registry cannot answer;
/// those that a caller can do without (service hours, ancestry, holidays, the directory) answer null or false instead.
/// </summary>
public interface IUnitRegistryClient
{
    /// <summary>The unit, or null when the registry does not know it.</summary>
    /// <exception cref="UnitRegistryUnavailableException">The registry did not answer.</exception>
    Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct);

    /// <summary>The unit with this code (e.g. <c>31.71.04.1002</c>), or null.</summary>
    /// <exception cref="UnitRegistryUnavailableException">The registry did not answer.</exception>
    Task<UnitInfo?> GetUnitByCodeAsync(string code, CancellationToken ct);

    /// <summary>The kelurahan containing the point, or null when none is found.</summary>
    /// <exception cref="UnitRegistryUnavailableException">The registry did not answer.</exception>
    Task<UnitInfo?> LocateKelurahanAsync(double latitude, double longitude, CancellationToken ct);

    /// <summary>The unit and every unit below it (just the unit when the registry does not know it).</summary>
    /// <exception cref="UnitRegistryUnavailableException">The registry did not answer.</exception>
    Task<IReadOnlyCollection<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct);

    /// <summary>The date <paramref name="days"/> working days after <paramref name="from"/> in the unit's calendar (the city's, WIB, when null).</summary>
    /// <exception cref="UnitRegistryUnavailableException">The registry did not answer.</exception>
    Task<DateOnly> AddWorkingDaysAsync(Guid? unitId, DateOnly from, int days, CancellationToken ct);

    /// <summary>Working days d with from &lt; d ≤ to in the unit's calendar (the city's, WIB, when null).</summary>
    /// <exception cref="UnitRegistryUnavailableException">The registry did not answer.</exception>
    Task<int> CountWorkingDaysAsync(Guid? unitId, DateOnly from, DateOnly to, CancellationToken ct);

    /// <summary>Whether <paramref name="at"/> is inside the unit's service hours, or null when the registry cannot tell.</summary>
    Task<bool?> IsInsideServiceHoursAsync(Guid unitId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Whether <paramref name="unitId"/> lies below <paramref name="ancestorId"/>; false when the registry cannot tell.</summary>
    Task<bool> IsDescendantAsync(Guid ancestorId, Guid unitId, CancellationToken ct);

    /// <summary>
    /// The national holidays and cuti bersama of a year (entered, fixed-date and estimated), or null when the registry
    /// cannot tell. The question names a year only, never a unit.
    /// </summary>
    Task<IReadOnlyList<DateOnly>?> GetHolidaysAsync(int year, CancellationToken ct);

    /// <summary>The ids of every unit the registry knows (the whole directory, page by page), or null when it cannot tell.</summary>
    Task<IReadOnlySet<Guid>?> GetUnitIdsAsync(CancellationToken ct);

    /// <summary>
    /// Every active kelurahan with its centroid and time zone (the whole list, page by page), or null when the registry
    /// cannot tell: what a service needs to locate points itself (<see cref="Contracts.KelurahanLocator"/>).
    /// </summary>
    Task<IReadOnlyList<UnitInfo>?> GetActiveKelurahanAsync(CancellationToken ct);
}
