using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tinjau.UnitRegistry.Api.Data;

namespace Tinjau.UnitRegistry.Tests.Integration;

// Any type of the service assembly names its entry point (Program is ambiguous: the AppHost has one too).
/// <summary>One UnitRegistry service on throw-away PostgreSQL, RabbitMQ and Redis for the whole test run.</summary>
public sealed class UnitRegistryAppFixture : IAsyncLifetime
{
    private static int _counter;

    public TestInfrastructure Infrastructure { get; private set; } = null!;
    public WebApplicationFactory<UnitRegistryDbContext> Factory { get; private set; } = null!;
    /// <summary>Signed in as an admin: every write of the registry is for admins only.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>No token: reads are public.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public TestTokens Tokens { get; } = new();

    public HttpClient ClientFor(string role)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Create("unitregistry", role));
        return client;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.StartAsync(new InfrastructureOptions { Postgres = true, RabbitMq = true, Redis = true });
        var database = Infrastructure.GetPostgresConnectionString("unitregistrydb");
        Factory = new WebApplicationFactory<UnitRegistryDbContext>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:unitregistrydb", database);
            web.UseSetting("ConnectionStrings:messaging", Infrastructure.RabbitMqConnectionString);
            web.UseSetting("ConnectionStrings:cache", Infrastructure.RedisConnectionString);
            web.ConfigureServices(Tokens.Trust);
        });
        Client = ClientFor("admin");
        Anonymous = Factory.CreateClient();
        // Tests publish on the bus themselves: wait until the consumers' queues are bound.
        await Factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
    }

    /// <summary>A kota code no other test uses (88.01, 88.02, …; the database is new for every run).</summary>
    public static string NextKotaCode() => $"88.{Interlocked.Increment(ref _counter):00}";

    public async Task<JsonElement> CreateKotaAsync(string? code = null)
    {
        code ??= NextKotaCode();
        var response = await Client.PostAsJsonAsync("/api/units", new { code, name = $"Kota Uji {code}", type = "kota", timeZone = "WIB" });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Anonymous?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
        if (Infrastructure is not null)
        {
            await Infrastructure.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<UnitRegistryAppFixture>
{
    public const string Name = "UnitRegistry service";
}
