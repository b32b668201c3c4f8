namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// Loads an evaluation the caller may see (anyone else gets the same 404 as for a missing one) and hands it to the
/// operation, after the check <see cref="EvaluationsScope"/> makes of what the caller may do in it.
/// </summary>
public sealed class EvaluationLoader(EvaluationsDbContext db, EvaluationsScope scope)
{
    public async Task<Outcome<T>> WithAsync<T>(Guid id, Func<Evaluation, Task<Outcome<T>>> then, CancellationToken ct)
    {
        var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null || !await scope.CanSeeAsync(evaluation, ct))
        {
            return Refusal.NotFound($"There is no evaluation {id}.");
        }
        return await then(evaluation);
    }

    /// <summary>As above, and <paramref name="may"/> of the scope, or 403 "may not <paramref name="what"/>".</summary>
    public Task<Outcome<T>> WithAsync<T>(Guid id, Func<EvaluationsScope, Evaluation, bool> may, string what, Func<Evaluation, Task<Outcome<T>>> then,
        CancellationToken ct) =>
        WithAsync(id, async e => may(scope, e) ? await then(e) : NotAllowed(what), ct);

    public static Refusal NotAllowed(string what) => Refusal.Forbidden($"The caller may not {what} in this evaluation.");
}
