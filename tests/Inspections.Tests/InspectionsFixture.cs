using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tinjau.Inspections.Api.Infrastructure;
using Tinjau.UnitRegistry.Client;

namespace Tinjau.Inspections.Tests;

[CollectionDefinition(Name)]
public sealed class InspectionsCollection : ICollectionFixture<InspectionsFixture>
{
    public const string Name = "inspections";
}

/// <summary>
/// The shared <see cref="FakeUnitRegistry"/> with this service's data: kelurahan like Kwitang (−6.1826, 106.8412), WIB,
/// open Mon–Fri 08–16, and the holidays of <see cref="Holidays"/>.
/// </summary>
public sealed class InspectionsUnits : FakeUnitRegistry
{
    public const double KwitangLatitude = -6.1826;
    public const double KwitangLongitude = 106.8412;

    /// <summary>Idul Fitri 2025 with Nyepi and cuti bersama around it (28 March – 7 April), and Natal 2026.</summary>
    public static new readonly DateOnly[] Holidays =
    [
        new(2025, 3, 28), new(2025, 3, 29), new(2025, 3, 31), new(2025, 4, 1), new(2025, 4, 2), new(2025, 4, 3), new(2025, 4, 4),
        new(2025, 4, 7), new(2026, 12, 25),
    ];

    public InspectionsUnits() => AddHolidays(Holidays);

    /// <summary>A new kecamatan and a kelurahan under it (tests get their own units, so their records do not mix).</summary>
    public (Guid Kecamatan, Guid Kelurahan) AddKelurahan()
    {
        var kecamatan = Add("31.71.05", "Senen", "kecamatan", null, "Asia/Jakarta", -6.1767, 106.8416);
        var kelurahan = Add("31.71.05.1002", "Kwitang", "kelurahan", kecamatan.Id, "Asia/Jakarta", KwitangLatitude, KwitangLongitude);
        return (kecamatan.Id, kelurahan.Id);
    }
}

/// <summary>
/// Real PostgreSQL, RabbitMQ and Redis from the AppHost's launcher, the service in a WebApplicationFactory, tokens
/// minted by the shared TestTokens, and the in-memory unit registry. One per test run.
/// </summary>
public sealed class InspectionsFixture : IAsyncLifetime
{
    public const string Audience = "inspections";
    public const long MaxEvidenceBytes = 1024 * 1024;

    private readonly TestTokens tokens = new();
    private TestInfrastructure? infra;
    private Factory? factory;

    public InspectionsUnits Units { get; } = new();

    /// <summary>The service's logs (Information and above) and trace tags.</summary>
    public Telemetry Telemetry { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        infra = await TestInfrastructure.StartAsync(new InfrastructureOptions { Postgres = true, RabbitMq = true, Redis = true });
        ConnectionString = infra.GetPostgresConnectionString("inspectionsdb");
        factory = new Factory(this, infra);
        // Start the host (migrations and seed run before it takes requests).
        using var client = factory.CreateClient();
        using var health = await client.GetAsync("/alive");
        health.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        if (infra is not null)
        {
            await infra.DisposeAsync();
        }
    }

    public HttpClient Anonymous() => factory!.CreateClient();

    /// <summary>A client with a bearer token for <paramref name="role"/> (and the unit binding of unit users).</summary>
    public HttpClient As(string role, Guid? unitId = null, string? subject = null)
    {
        var token = tokens.Create(Audience, [role], unitId, subject ?? $"{role}-{Guid.NewGuid():N}"[..20]);
        var client = factory!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await command.ExecuteNonQueryAsync();
    }

    private sealed class Factory(InspectionsFixture fixture, TestInfrastructure infra) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:inspectionsdb", fixture.ConnectionString);
            builder.UseSetting("ConnectionStrings:messaging", infra.RabbitMqConnectionString);
            builder.UseSetting("ConnectionStrings:cache", infra.RedisConnectionString);
            builder.UseSetting("Identity:Issuer", fixture.tokens.Issuer);
            builder.UseSetting("OTEL_SERVICE_NAME", "inspections-tests");
            // The scenarios are dated March 2025 on purpose (fixed service hours and holidays), so visits count as
            // backdated only beyond ten years here; the backdating test dates its visit before that.
            builder.UseSetting("Inspections:MaxBackdating", "3650.00:00:00");
            builder.UseSetting("Inspections:MaxEvidenceBytes", MaxEvidenceBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Error");
            builder.ConfigureLogging(logging => logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
                .AddProvider(fixture.Telemetry).AddFilter<Telemetry>(null, LogLevel.Information));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IUnitRegistryClient>(fixture.Units);
                fixture.tokens.Trust(services);
            });
        }
    }
}
