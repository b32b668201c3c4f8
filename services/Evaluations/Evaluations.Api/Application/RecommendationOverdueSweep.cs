using Tinjau.Evaluations.Contracts;
using Tinjau.Messaging;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>
/// Every <c>Evaluations:Recommendations:SweepSeconds</c> (default 600) flags recommendations that passed their due date
/// (city date) without being done and publishes <see cref="RecommendationOverdue"/> once for each, through the outbox.
/// Row versions make concurrent sweeps of several instances publish once.
/// </summary>
public sealed class RecommendationOverdueSweep(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time,
    ILogger<RecommendationOverdueSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Evaluations:Recommendations:SweepSeconds", 600)));
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Recommendation overdue sweep failed; retrying next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluationsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<CityClock>();
        var today = clock.Today;
        var due = await db.Recommendations
            .Where(r => r.Status != RecommendationStatus.Done && r.DueOn < today && r.OverdueNotifiedAt == null)
            .OrderBy(r => r.DueOn).Take(200).ToListAsync(ct);
        var published = 0;
        foreach (var r in due)
        {
            if (r.MarkOverdueNotified(today, clock.Now))
            {
                try
                {
                    await db.SaveChangesAsync(ct);
                    published++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // another instance changed it first; the next sweep looks again
                    break;
                }
            }
        }
        return published;
    }
}
