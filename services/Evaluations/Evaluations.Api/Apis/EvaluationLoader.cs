using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Domain;
using Tinjau.Evaluations.Api.Infrastructure;

namespace Tinjau.Evaluations.Api.Apis;

/// <summary>Loads an evaluation the caller may see; anyone else gets the same 404 as for a missing one.</summary>
public sealed class EvaluationLoader(EvaluationsDbContext db, Access access)
{
    public async Task<(Evaluation? Evaluation, IResult? Problem)> LoadAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var evaluation = await db.Evaluations.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null || !await access.CanSeeAsync(user, evaluation, ct))
        {
            return (null, Problems.NotFound($"There is no evaluation {id}."));
        }
        return (evaluation, null);
    }

    public static IResult NotAllowed(string what) => Problems.Forbidden($"The caller may not {what} in this evaluation.");
}
