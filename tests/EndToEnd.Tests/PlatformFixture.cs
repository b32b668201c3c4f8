using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tinjau.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>
/// The whole platform as <c>./run.sh</c> declares it: the real AppHost started by Aspire.Hosting.Testing (DCP, every
/// server and service, random ports, throw-away data) with the real dashboard, shared by the tests of a collection.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("not started");

    /// <summary>A client of the public entry, as a browser or mobile app would use it.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The Aspire dashboard's telemetry API, signed in with the AppHost's API key.</summary>
    public HttpClient Dashboard { get; private set; } = null!;

    /// <summary>The state folder, or null for a throw-away one.</summary>
    protected virtual string? StateDirectory => null;

    public async Task InitializeAsync()
    {
        _app = await StartAsync(StateDirectory);
        Gateway = App.CreateHttpClient(ResourceNames.Gateway, "http");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
        Dashboard = new HttpClient { BaseAddress = App.GetEndpoint("aspire-dashboard", "http"), Timeout = TimeSpan.FromSeconds(30) };
        Dashboard.DefaultRequestHeaders.Add("x-api-key", App.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"]);
    }

    /// <summary>Starts the AppHost and waits until the gateway (which waits for everything else) is healthy.</summary>
    public static Task<DistributedApplication> StartAsync(string? stateDirectory) => PlatformApp.StartAsync(typeof(Projects.AppHost), stateDirectory);

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Dashboard?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The key the AppHost gave the gateway and the portal (as the dashboard shows it to operators).</summary>
    public async Task<string> ForwarderKeyAsync()
    {
        var gateway = await App.ResourceNotifications.WaitForResourceAsync(ResourceNames.Gateway,
            e => e.Snapshot.EnvironmentVariables.Any(v => v.Name == TrustedForwarder.KeyEnvironment));
        return gateway.Snapshot.EnvironmentVariables.Single(v => v.Name == TrustedForwarder.KeyEnvironment).Value!;
    }

    /// <summary>The spans of one trace as the dashboard received them over OTLP (its telemetry API).</summary>
    public async Task<IReadOnlyList<ExportedSpan>> GetTraceAsync(string traceId)
    {
        using var response = await Dashboard.GetAsync($"/api/telemetry/traces/{traceId}");
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ExportedSpan.FromOtlp(doc.GetProperty("data"));
    }

    /// <summary>
    /// Where <paramref name="secret"/> appears in the structured logs and spans the dashboard holds: one line per
    /// place (signal, service, attribute key or field), empty when nowhere.
    /// </summary>
    public async Task<IReadOnlyList<string>> FindInTelemetryAsync(string secret)
    {
        var found = new List<string>();
        foreach (var signal in new[] { "logs", "spans" })
        {
            var doc = await Dashboard.GetFromJsonAsync<JsonElement>($"/api/telemetry/{signal}");
            Walk(doc, signal, "", found, secret);
        }

        return found;
    }

    private static void Walk(JsonElement e, string signal, string key, List<string> found, string secret)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                // OTLP attributes are {"key": …, "value": {…}}: report the attribute's key.
                var name = e.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : key;
                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value, signal, p.Name is "value" or "stringValue" ? name : p.Name, found, secret);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, signal, key, found, secret);
                }
                break;
            case JsonValueKind.String when e.GetString()!.Contains(secret, StringComparison.OrdinalIgnoreCase):
                found.Add($"{signal}: {key} = {e.GetString()}");
                break;
        }
    }
}

public sealed record ExportedSpan(string Service, string Name, string TraceId)
{
    public static IReadOnlyList<ExportedSpan> FromOtlp(JsonElement data) =>
        data.GetProperty("resourceSpans").EnumerateArray().SelectMany(resource =>
        {
            var service = resource.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == "service.name")
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
                .FirstOrDefault() ?? "";
            return resource.GetProperty("scopeSpans").EnumerateArray()
                .SelectMany(scope => scope.GetProperty("spans").EnumerateArray())
                .Select(span => new ExportedSpan(service, span.GetProperty("name").GetString() ?? "", span.GetProperty("traceId").GetString() ?? ""));
        }).ToList();
}
