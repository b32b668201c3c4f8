using System.Net.Http.Json;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The admins' calls, with the signed-in admin's own token: the identity service allows its user administration and
/// audit to admins only, and the gateway and the registry every registry write (units, hours, catalogue, calendar).
/// </summary>
public sealed partial class PlatformApi
{
    private const string IdentityAdmin = "/api/identity";

    public Task<ApiResult<AdminPage<AdminUser>>> UsersAsync(string? role, Guid? unitId, int page, int pageSize, CancellationToken ct) =>
        SendAsync<AdminPage<AdminUser>>(HttpMethod.Get, FormattableString.Invariant(
            $"{IdentityAdmin}/users?page={page}&pageSize={pageSize}{(string.IsNullOrEmpty(role) ? "" : "&role=" + Uri.EscapeDataString(role))}{(unitId is { } u ? $"&unitId={u}" : "")}"),
            null, ct);

    public Task<ApiResult<AdminUser>> UserAsync(Guid id, CancellationToken ct) =>
        SendAsync<AdminUser>(HttpMethod.Get, $"{IdentityAdmin}/users/{id}", null, ct);

    public Task<ApiResult<AdminUser>> CreateUserAsync(object body, CancellationToken ct) =>
        SendAsync<AdminUser>(HttpMethod.Post, $"{IdentityAdmin}/users", JsonContent.Create(body, options: Json), ct);

    public Task<ApiResult<AdminUser>> ChangeRolesAsync(Guid id, IReadOnlyList<string> roles, Guid? unitId, CancellationToken ct) =>
        SendAsync<AdminUser>(HttpMethod.Put, $"{IdentityAdmin}/users/{id}/roles", JsonContent.Create(new { roles, unitId }, options: Json), ct);

    /// <summary><c>lock</c> or <c>unlock</c>.</summary>
    public Task<ApiResult<AdminUser>> LockoutAsync(Guid id, bool locked, CancellationToken ct) =>
        SendAsync<AdminUser>(HttpMethod.Post, $"{IdentityAdmin}/users/{id}/{(locked ? "lock" : "unlock")}", null, ct);

    public Task<ApiResult<AdminPage<AuditRow>>> AuditAsync(Guid? targetUserId, int page, int pageSize, CancellationToken ct) =>
        SendAsync<AdminPage<AuditRow>>(HttpMethod.Get, FormattableString.Invariant(
            $"{IdentityAdmin}/audit?page={page}&pageSize={pageSize}{(targetUserId is { } t ? $"&targetUserId={t}" : "")}"), null, ct);

    // ---- the unit registry ----

    /// <summary>Units by text (name, or code prefix), type and state, paged: the registry's own search.</summary>
    public Task<ApiResult<UnitPage>> SearchUnitsAsync(string? q, string? type, bool? active, int page, int pageSize, CancellationToken ct)
    {
        var query = FormattableString.Invariant($"/api/units?page={page}&pageSize={pageSize}");
        query += string.IsNullOrWhiteSpace(q) ? "" : "&q=" + Uri.EscapeDataString(q.Trim());
        query += string.IsNullOrWhiteSpace(type) ? "" : "&type=" + Uri.EscapeDataString(type);
        query += active is { } a ? (a ? "&active=true" : "&active=false") : "";
        return SendAsync<UnitPage>(HttpMethod.Get, query, null, ct);
    }

    public Task<ApiResult<UnitResponse>> UnitDetailAsync(Guid id, CancellationToken ct) =>
        SendAsync<UnitResponse>(HttpMethod.Get, $"/api/units/{id}", null, ct);

    public Task<ApiResult<List<UnitResponse>>> UnitChildrenAsync(Guid id, CancellationToken ct) =>
        SendAsync<List<UnitResponse>>(HttpMethod.Get, $"/api/units/{id}/children", null, ct);

    /// <summary>A unit and everything below it, each with its depth (0 = the unit).</summary>
    public Task<ApiResult<List<SubtreeItem>>> UnitSubtreeAsync(Guid id, CancellationToken ct) =>
        SendAsync<List<SubtreeItem>>(HttpMethod.Get, $"/api/units/{id}/subtree", null, ct);

    public Task<ApiResult<List<UnitResponse>>> UnitAncestorsAsync(Guid id, CancellationToken ct) =>
        SendAsync<List<UnitResponse>>(HttpMethod.Get, $"/api/units/{id}/ancestors", null, ct);

    public Task<ApiResult<UnitResponse>> CreateUnitAsync(object body, CancellationToken ct) =>
        SendAsync<UnitResponse>(HttpMethod.Post, "/api/units", JsonContent.Create(body, options: Json), ct);

    public async Task<ApiResult<UnitResponse>> UpdateUnitAsync(Guid id, object body, CancellationToken ct)
    {
        var result = await SendAsync<UnitResponse>(HttpMethod.Put, $"/api/units/{id}", JsonContent.Create(body, options: Json), ct);
        cache.Remove($"unit:{id}");
        return result;
    }

    /// <summary><c>activate</c> or <c>deactivate</c> (the registry refuses to deactivate a unit with active children: 409).</summary>
    public async Task<ApiResult<UnitResponse>> SetUnitActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var result = await SendAsync<UnitResponse>(HttpMethod.Post, $"/api/units/{id}/{(active ? "activate" : "deactivate")}", null, ct);
        cache.Remove($"unit:{id}");
        return result;
    }

    public Task<ApiResult<UnitServiceHours>> ServiceHoursAsync(Guid unitId, CancellationToken ct) =>
        SendAsync<UnitServiceHours>(HttpMethod.Get, $"/api/units/{unitId}/service-hours", null, ct);

    public Task<ApiResult<UnitServiceHours>> PutServiceHoursAsync(Guid unitId, UnitServiceHours hours, CancellationToken ct) =>
        SendAsync<UnitServiceHours>(HttpMethod.Put, $"/api/units/{unitId}/service-hours", JsonContent.Create(hours, options: Json), ct);

    public Task<ApiResult<Catalogue>> CatalogueAsync(Guid unitId, CancellationToken ct) =>
        SendAsync<Catalogue>(HttpMethod.Get, $"/api/units/{unitId}/services", null, ct);

    /// <summary>Adds a service (<paramref name="serviceId"/> null) or replaces one.</summary>
    public Task<ApiResult<CatalogueService>> SaveServiceAsync(Guid unitId, Guid? serviceId, object body, CancellationToken ct) =>
        serviceId is { } s
            ? SendAsync<CatalogueService>(HttpMethod.Put, $"/api/units/{unitId}/services/{s}", JsonContent.Create(body, options: Json), ct)
            : SendAsync<CatalogueService>(HttpMethod.Post, $"/api/units/{unitId}/services", JsonContent.Create(body, options: Json), ct);

    public Task<ApiResult<Done>> RemoveServiceAsync(Guid unitId, Guid serviceId, CancellationToken ct) =>
        SendAsync<Done>(HttpMethod.Delete, $"/api/units/{unitId}/services/{serviceId}", null, ct);

    public Task<ApiResult<Maklumat>> PutMaklumatAsync(Guid unitId, Maklumat maklumat, CancellationToken ct) =>
        SendAsync<Maklumat>(HttpMethod.Put, $"/api/units/{unitId}/maklumat", JsonContent.Create(maklumat, options: Json), ct);

    // ---- the holiday calendar ----

    public Task<ApiResult<List<HolidayResponse>>> HolidaysAsync(int year, CancellationToken ct) =>
        SendAsync<List<HolidayResponse>>(HttpMethod.Get, FormattableString.Invariant($"/api/calendar/holidays?year={year}"), null, ct);

    public Task<ApiResult<CalendarCoverage>> CalendarCoverageAsync(CancellationToken ct) =>
        SendAsync<CalendarCoverage>(HttpMethod.Get, "/api/calendar/coverage", null, ct);

    public Task<ApiResult<HolidayResponse>> AddHolidayAsync(DateOnly? date, string? name, string? kind, bool needsReview, CancellationToken ct) =>
        SendAsync<HolidayResponse>(HttpMethod.Post, "/api/calendar/holidays", JsonContent.Create(new { date, name, kind, needsReview }, options: Json), ct);

    public Task<ApiResult<Done>> RemoveHolidayAsync(Guid id, CancellationToken ct) =>
        SendAsync<Done>(HttpMethod.Delete, $"/api/calendar/holidays/{id}", null, ct);

    public Task<ApiResult<HolidayResponse>> ReviewHolidayAsync(Guid id, CancellationToken ct) =>
        SendAsync<HolidayResponse>(HttpMethod.Post, $"/api/calendar/holidays/{id}/review", null, ct);
}

/// <summary>What a 204 answers: nothing but the success.</summary>
public sealed record Done;
