namespace Tinjau.Inspections.Api.Infrastructure;

/// <summary>
/// Unit records in the service cache (<see cref="ServiceCache"/>: memory, then Redis under <c>inspections:</c>). Every
/// cached period of a unit carries the unit's tag; a change to the unit (submission, follow-up step) invalidates the
/// tag, so every period of that unit is stale at once. Redis being down never fails a request: the record is computed
/// from the database instead.
/// </summary>
public sealed class UnitRecordCache(ServiceCache cache, IOptions<InspectionsOptions> options)
{
    private static string Tag(Guid unitId) => $"unit-record:{unitId:N}";

    public async Task<T> GetOrCreateAsync<T>(Guid unitId, string period, Func<CancellationToken, Task<T>> create, CancellationToken ct) =>
        await cache.GetOrCreateAsync($"{Tag(unitId)}:{period}", async token => await create(token), options.Value.UnitRecordCacheDuration,
            [Tag(unitId)], ct);

    public Task InvalidateAsync(Guid unitId) => cache.RemoveByTagAsync(Tag(unitId));
}
