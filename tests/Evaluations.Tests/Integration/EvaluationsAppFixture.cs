using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tinjau.Evaluations.Api.Data;
using Tinjau.Evaluations.Api.Infrastructure;

namespace Tinjau.Evaluations.Tests.Integration;

/// <summary>The unit registry stands in as an in-memory directory; everything else (PostgreSQL, RabbitMQ, Redis) is real.</summary>
public sealed class InMemoryUnitDirectory : IUnitDirectory
{
    public ConcurrentDictionary<Guid, UnitInfo> Units { get; } = new();

    public UnitInfo Add(string code, string name, string type = "kelurahan", Guid? parentId = null)
    {
        var unit = new UnitInfo(Guid.NewGuid(), code, name, type, parentId, "Asia/Jakarta");
        Units[unit.Id] = unit;
        return unit;
    }

    public Task<UnitInfo?> GetUnitAsync(Guid unitId, CancellationToken ct) => Task.FromResult(Units.GetValueOrDefault(unitId));

    public Task<IReadOnlyCollection<Guid>> GetSubtreeAsync(Guid unitId, CancellationToken ct)
    {
        var result = new HashSet<Guid> { unitId };
        bool grew;
        do
        {
            grew = false;
            foreach (var u in Units.Values.Where(u => u.ParentId is { } p && result.Contains(p) && !result.Contains(u.Id)))
            {
                grew |= result.Add(u.Id);
            }
        }
        while (grew);
        return Task.FromResult<IReadOnlyCollection<Guid>>(result);
    }

    public Task<DateOnly> AddWorkingDaysAsync(Guid unitId, DateOnly from, int days, CancellationToken ct)
    {
        var d = from;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }
        return Task.FromResult(d);
    }
}

/// <summary>One Evaluations service on throw-away PostgreSQL, RabbitMQ and Redis for the whole test run.</summary>
public sealed class EvaluationsAppFixture : IAsyncLifetime
{
    public TestInfrastructure Infrastructure { get; private set; } = null!;
    public WebApplicationFactory<EvaluationsDbContext> Factory { get; private set; } = null!;
    public TestTokens Tokens { get; } = new();
    public InMemoryUnitDirectory Units { get; } = new();
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
                services.RemoveAll<IUnitDirectory>();
                services.AddSingleton<IUnitDirectory>(Units);
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
