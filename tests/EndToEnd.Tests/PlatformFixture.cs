using System.Net.Http.Json;
using System.Text.Json;

namespace Tinjau.EndToEnd.Tests;

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>One whole platform (AppHost process with every server and service) shared by the tests of the collection.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    private AppHostProcess? _host;

    public AppHostProcess Host => _host ?? throw new InvalidOperationException("not started");

    /// <summary>A client of the public entry, as a browser or mobile app would use it.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The AppHost's dashboard: resources and the traces every service exports to it.</summary>
    public HttpClient Dashboard { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await AppHostProcess.StartAsync();
        Gateway = new HttpClient { BaseAddress = Host.GatewayUrl, Timeout = TimeSpan.FromSeconds(30) };
        Dashboard = new HttpClient { BaseAddress = Host.DashboardUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Dashboard?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
            try
            {
                Directory.Delete(_host.StateDirectory, recursive: true);
            }
            catch (IOException)
            {
                // left for the OS to clean: a server may still be flushing
            }
        }
    }

    /// <summary>The spans of one trace as the dashboard received them over OTLP.</summary>
    public async Task<IReadOnlyList<ExportedSpan>> GetTraceAsync(string traceId)
    {
        using var response = await Dashboard.GetAsync($"/api/traces/{traceId}");
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        var spans = doc.ValueKind == JsonValueKind.Array ? doc : doc.GetProperty("spans");
        return spans.EnumerateArray()
            .Select(s => new ExportedSpan(
                s.GetProperty("serviceName").GetString() ?? "",
                s.GetProperty("name").GetString() ?? "",
                s.GetProperty("traceId").GetString() ?? ""))
            .ToList();
    }
}

public sealed record ExportedSpan(string Service, string Name, string TraceId);
