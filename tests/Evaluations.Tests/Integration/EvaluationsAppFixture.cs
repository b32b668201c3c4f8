using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Infrastructure;
using Tinjau.UnitRegistry.Client;

namespace Tinjau.Evaluations.Tests.Integration;

/// <summary>One Evaluations service on throw-away PostgreSQL, RabbitMQ and Redis for the whole test run.</summary>
public sealed class EvaluationsAppFixture : IAsyncLifetime
{
    public TestInfrastructure Infrastructure { get; private set; } = null!;
    public WebApplicationFactory<EvaluationsDbContext> Factory { get; private set; } = null!;
    public TestTokens Tokens { get; } = new();

    /// <summary>The unit registry stands in as the shared in-memory registry (weekends only, no holidays).</summary>
    public FakeUnitRegistry Units { get; } = new();
    public HttpClient Anonymous { get; private set; } = null!;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient ClientFor(string role, Guid? unitId = null, string? subject = null)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Tokens.Create("evaluations", [role], unitId, subject));
        return client;
    }

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.StartAsync(new InfrastructureOptions { Postgres = true, RabbitMq = true, Redis = true });
        var database = Infrastructure.GetPostgresConnectionString("evaluationsdb");
        Factory = new WebApplicationFactory<EvaluationsDbContext>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:evaluationsdb", database);
            web.UseSetting("ConnectionStrings:messaging", Infrastructure.RabbitMqConnectionString);
            web.UseSetting("ConnectionStrings:cache", Infrastructure.RedisConnectionString);
            web.UseSetting("Evaluations:Recommendations:SweepSeconds", "1");
            web.UseSetting("Evaluations:Skm:TokensPerAddressPerHour", "8");
            web.ConfigureServices(Tokens.Trust);
            web.ConfigureTestServices(services =>
            {
                services.RemoveAll<IUnitRegistryClient>();
                services.AddSingleton<IUnitRegistryClient>(Units);
            });
        });
        Anonymous = Factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
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
public sealed class IntegrationCollection : ICollectionFixture<EvaluationsAppFixture>
{
    public const string Name = "Evaluations service";
}

public static class HttpAssertions
{
    public static async Task<JsonElement> OkJsonAsync(this Task<HttpResponseMessage> call, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        using var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> StatusAsync(this Task<HttpResponseMessage> call, System.Net.HttpStatusCode expected) =>
        await call.OkJsonAsync(expected);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) => client.PutAsJsonAsync(url, body);
}
