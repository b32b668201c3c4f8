using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tinjau.Hosting;

/// <summary>
/// A local server that dies on its own (kill -9, out of memory, a crash) is started again, as Kubernetes would restart
/// its pod: after 1 s, then 2, 4 … up to 30 s while it keeps dying; the count resets once it has stayed up a minute.
/// A server stopped from the dashboard or by a test (DCP reports it <c>Terminated</c>) stays stopped, and nothing is
/// restarted while the AppHost itself shuts down.
/// </summary>
public static class CrashRestarts
{
    public static IResourceBuilder<T> RestartWhenCrashed<T>(this IResourceBuilder<T> resource) where T : IResource
    {
        resource.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CrashedServerRestarter>());
        return resource.WithAnnotation(new RestartWhenCrashedAnnotation());
    }

    private sealed class RestartWhenCrashedAnnotation : IResourceAnnotation;

    private sealed class CrashedServerRestarter(DistributedApplicationModel model, ResourceNotificationService notifications,
        ResourceCommandService commands, ResourceLoggerService loggers, IHostApplicationLifetime lifetime) : BackgroundService
    {
        private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            var watched = model.Resources.Where(r => r.Annotations.OfType<RestartWhenCrashedAnnotation>().Any()).Select(r => r.Name).ToHashSet();
            var last = new Dictionary<string, (string? State, DateTimeOffset Since)>();
            var crashes = new Dictionary<string, int>();
            try
            {
                await foreach (var e in notifications.WatchAsync(stoppingToken))
                {
                    var name = e.Resource.Name;
                    if (!watched.Contains(name))
                    {
                        continue;
                    }
                    var state = e.Snapshot.State?.Text;
                    var (before, since) = last.GetValueOrDefault(name);
                    if (state == before)
                    {
                        continue;
                    }
                    last[name] = (state, DateTimeOffset.UtcNow);
                    if (before != KnownResourceStates.Running || state is not ("Finished" or "Exited")
                        || lifetime.ApplicationStopping.IsCancellationRequested)
                    {
                        continue;
                    }

                    var count = DateTimeOffset.UtcNow - since > StableAfter ? 0 : crashes.GetValueOrDefault(name);
                    crashes[name] = count + 1;
                    var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, count)));
                    loggers.GetLogger(e.Resource).LogWarning("{Resource} exited on its own (exit code {ExitCode}); starting it again in {Delay} s",
                        name, e.Snapshot.ExitCode, delay.TotalSeconds);
                    _ = RestartAsync(e.Resource, delay, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }

        private async Task RestartAsync(IResource resource, TimeSpan delay, CancellationToken stoppingToken)
        {
            try
            {
                await Task.Delay(delay, stoppingToken);
                if (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return;
                }
                var result = await commands.ExecuteCommandAsync(resource.Name, KnownResourceCommands.StartCommand, stoppingToken);
                if (!result.Success)
                {
                    loggers.GetLogger(resource).LogError("Starting {Resource} again failed: {Message}", resource.Name, result.Message);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }
    }
}
