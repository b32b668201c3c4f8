using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.JsonWebTokens;
using Tinjau.Identity.Api.Infrastructure;
using Tinjau.UnitRegistry.Client;

namespace Tinjau.Identity.Tests;

/// <summary>
/// The Identity service on a throw-away PostgreSQL (the AppHost's test launcher), in Development so the
/// demo users and the tinjau-cli password grant exist. Only the unit registry is replaced, by <see cref="FakeUnitDirectory"/>.
/// </summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    public const string DemoPassword = "Tinjau!Demo2026";

    private TestInfrastructure? infrastructure;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public FakeUnitDirectory Units { get; } = new();

    public string KeysPath { get; } = Path.Combine(Path.GetTempPath(), "tinjau-identity-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public async Task InitializeAsync()
    {
        infrastructure = await TestInfrastructure.StartAsync(new InfrastructureOptions { Postgres = true, RabbitMq = false, Redis = false });
        var connectionString = infrastructure.GetPostgresConnectionString("identitydb");
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:identitydb", connectionString);
            web.UseSetting("Identity:KeysPath", KeysPath);
            web.ConfigureTestServices(services =>
            {
                services.RemoveAll<IUnitRegistryClient>();
                services.AddSingleton<IUnitRegistryClient>(Units);
            });
        });
        _ = Factory.Server; // start: migrations and seed run now
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (infrastructure is not null)
        {
            await infrastructure.DisposeAsync();
        }

        try
        {
            Directory.Delete(KeysPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpResponseMessage> RequestTokenAsync(params (string Key, string Value)[] form)
    {
        using var client = CreateClient();
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(form.Select(p => KeyValuePair.Create(p.Key, p.Value))));
    }

    public Task<HttpResponseMessage> PasswordGrantAsync(string userName, string password, string scope) =>
        RequestTokenAsync(("grant_type", "password"), ("client_id", "tinjau-cli"), ("username", userName), ("password", password), ("scope", scope));

    /// <summary>A token for a user through the development CLI client (password grant).</summary>
    public async Task<string> TokenForAsync(string userName, string scope = "identity", string password = DemoPassword)
    {
        using var response = await PasswordGrantAsync(userName, password, scope);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"token request for {userName} failed: {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>Polls for a token until <paramref name="timeout"/> (for users seeded in the background).</summary>
    public async Task<string> WaitForTokenAsync(string userName, string scope, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await PasswordGrantAsync(userName, DemoPassword, scope);
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{userName} could not sign in before the deadline: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(100);
        }
    }

    public HttpClient CreateClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static JsonWebToken Read(string token) => new(token);
}

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFixture>
{
    public const string Name = "identity";
}

/// <summary>The shared <see cref="FakeUnitRegistry"/> with two known units, and one that makes the registry "unreachable".</summary>
public sealed class FakeUnitDirectory : FakeUnitRegistry
{
    public static readonly Guid Kwitang = Guid.Parse("0197a000-0000-7000-8000-000000001002");
    public static readonly Guid Senen = Guid.Parse("0197a000-0000-7000-8000-000000000005");
    public static readonly Guid Unreachable = Guid.Parse("0197a000-0000-7000-8000-0000000000ff");

    public FakeUnitDirectory()
    {
        Add(new UnitInfo(Senen, "31.71.04", "Senen", "kecamatan", null, "Asia/Jakarta"));
        Add(new UnitInfo(Kwitang, "31.71.04.1002", "Kwitang", "kelurahan", Senen, "Asia/Jakarta"));
        UnreachableUnits[Unreachable] = true;
    }
}
