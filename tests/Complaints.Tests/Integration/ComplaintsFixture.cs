using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tinjau.Complaints.Api.Data;
using Tinjau.Complaints.Api.Infrastructure;
using Tinjau.UnitRegistry.Client;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Complaints.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class ComplaintsCollection : ICollectionFixture<ComplaintsFixture>
{
    public const string Name = "complaints";
}

/// <summary>
/// The complaints service in a WebApplicationFactory against real PostgreSQL, RabbitMQ and Redis started for this run,
/// with an in-memory unit registry and JWTs from the shared <see cref="TestTokens"/>.
/// </summary>
public sealed class ComplaintsFixture : IAsyncLifetime
{
    public const string Audience = "complaints";

    private TestInfrastructure? _infra;
    private Factory? _factory;

    public InMemoryUnitRegistry Registry { get; } = new();

    /// <summary>Stands in for the Identity service: signs tokens the service under test trusts.</summary>
    public TestTokens Tokens { get; } = new();

    public WebApplicationFactory<ComplaintsDb> App => _factory ?? throw new InvalidOperationException("not started");

    public TestInfrastructure Infra => _infra ?? throw new InvalidOperationException("not started");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task InitializeAsync()
    {
        _infra = await TestInfrastructure.StartAsync(new InfrastructureOptions { Postgres = true, RabbitMq = true, Redis = true });
        _factory = new Factory(this);
        // Start the host (runs the migrations).
        _ = _factory.Server;
        await Eventually.TrueAsync(async () =>
        {
            using var client = _factory.CreateClient();
            return (await client.GetAsync("/alive")).IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), "the complaints service to answer");
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }
        }
        finally
        {
            if (_infra is not null)
            {
                await _infra.DisposeAsync();
            }
        }
    }

    public HttpClient Anonymous() => App.CreateClient();

    public HttpClient As(string role, Guid? unitId = null, string? subject = null)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, unitId, subject));
        return client;
    }

    public HttpClient Admin() => As(TinjauRoles.ComplaintAdmin, subject: "admin-1");

    public string Token(string role, Guid? unitId = null, string? subject = null) =>
        Tokens.Create(Audience, [role], unitId, subject ?? $"{role}-{Guid.NewGuid():N}");

    public async Task<T> WithDbAsync<T>(Func<ComplaintsDb, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ComplaintsDb>());
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private sealed class Factory(ComplaintsFixture fixture) : WebApplicationFactory<ComplaintsDb>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var infra = fixture.Infra;
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:complaintsdb", infra.GetPostgresConnectionString("complaintsdb"));
            builder.UseSetting("ConnectionStrings:messaging", infra.RabbitMqConnectionString);
            builder.UseSetting("ConnectionStrings:cache", infra.RedisConnectionString);
            builder.UseSetting("services:unitregistry:http:0", "http://127.0.0.1:9");
            builder.UseSetting("services:identity:http:0", "http://127.0.0.1:9");
            builder.UseSetting("OTEL_SERVICE_NAME", "complaints");
            builder.UseSetting("Complaints:Sla:CheckInterval", "01:00:00");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
            builder.ConfigureLogging(l => l.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IUnitRegistryClient>(fixture.Registry);
                fixture.Tokens.Trust(services);
            });
        }
    }
}

/// <summary>Helpers for the API's JSON.</summary>
public static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: not JSON: {text}");
        }
    }

    public static async Task<JsonElement> OkJsonAsync(this HttpResponseMessage response, int expected = 200)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != expected)
        {
            throw new Xunit.Sdk.XunitException($"Expected {expected}, got {(int)response.StatusCode}: {body}");
        }
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(url, body ?? new { }, ComplaintsFixture.Json);

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    [StackTraceHidden]
    public static void Status(HttpResponseMessage response, int expected, string? body = null) =>
        Assert.True((int)response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
}
