using Microsoft.Extensions.Options;

namespace Tinjau.Identity.Api.Infrastructure;

/// <summary>
/// Seeds the unit-bound demo users (unit-staff of kelurahan Kwitang, unit-head of kecamatan Senen) once the unit
/// registry tells their unit ids; unit ids belong to the registry, so they are looked up by code at run time.
/// Retries with back-off until the registry answers. Local runs only.
/// </summary>
public sealed class DemoUnitBindingService(IServiceScopeFactory scopes, IUnitRegistryClient units, IOptions<TinjauIdentityOptions> options,
    IHostEnvironment environment, TimeProvider time, ILogger<DemoUnitBindingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!IdentityServerSetup.SeedsDemoUsers(environment, settings))
        {
            return;
        }

        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var unitIds = new Dictionary<DemoUsers.DemoUnit, Guid>();
                if (await units.GetUnitByCodeAsync(settings.DemoUnits.StaffUnitCode, stoppingToken) is { } staffUnit)
                {
                    unitIds[DemoUsers.DemoUnit.StaffUnit] = staffUnit.Id;
                }

                if (await units.GetUnitByCodeAsync(settings.DemoUnits.HeadUnitCode, stoppingToken) is { } headUnit)
                {
                    unitIds[DemoUsers.DemoUnit.HeadUnit] = headUnit.Id;
                }

                await using var scope = scopes.CreateAsyncScope();
                if (await DemoUsers.SeedAsync(scope.ServiceProvider, settings, unitIds, logger))
                {
                    return;
                }

                logger.LogInformation("Demo units {StaffCode} / {HeadCode} are not in the unit registry yet; retrying",
                    settings.DemoUnits.StaffUnitCode, settings.DemoUnits.HeadUnitCode);
            }
            catch (UnitRegistryUnavailableException ex)
            {
                logger.LogInformation("Unit registry not reachable yet ({Message}); unit-bound demo users will be seeded later", ex.Message);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Seeding unit-bound demo users failed; retrying");
            }

            await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }
}
