using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Tinjau.AppHost.Hosting;
using Tinjau.AppHost.Hosting.Processes;
using Tinjau.AppHost.Hosting.Servers;

namespace Tinjau.AppHost.Tests;

public sealed class DistributedApplicationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Runs_local_infrastructure_on_free_ports_and_stops_every_process()
    {
        using var repo = new FakeRepository();
        var builder = DistributedApplication.CreateBuilder(repo.Args("--AppHost:RandomizePorts=true"));
        var postgres = builder.AddPostgres("postgres");
        postgres.AddDatabase("ordersdb");
        builder.AddRabbitMQ("messaging");
        builder.AddRedis("cache");
        var app = builder.Build();
        try
        {
            await app.StartAsync();
            await app.WaitForHealthyAsync().WaitAsync(Deadline);

            var db = app.Registry.Runtimes.Single(r => r.Resource.Name == "ordersdb");
            await using (var connection = new NpgsqlConnection(db.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT current_database()", connection);
                Assert.Equal("ordersdb", await command.ExecuteScalarAsync());
            }

            Assert.True(File.Exists(Path.Combine(repo.State, "postgres", "password")));
            var cache = app.Registry.Runtimes.Single(r => r.Resource.Name == "cache");
            Assert.Equal("+PONG", await RedisServer.SendAsync(new Uri("tcp://" + cache.ConnectionString).Port, "PING"));

            using var state = JsonDocument.Parse(await File.ReadAllTextAsync(app.StateFile));
            Assert.True(state.RootElement.GetProperty("ready").GetBoolean());
            Assert.Equal(app.DashboardUrl, state.RootElement.GetProperty("dashboardUrl").GetString());

            using var http = new HttpClient { BaseAddress = new Uri(app.DashboardUrl) };
            using var resources = JsonDocument.Parse(await http.GetStringAsync("/api/resources"));
            var states = resources.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("state").GetString());
            Assert.Equal(["postgres", "ordersdb", "messaging", "cache"], states.Keys);
            Assert.All(states.Values, s => Assert.Equal(ResourceStates.Healthy, s));
            using var otlp = await http.PostAsync("/v1/traces", new ByteArrayContent([]));
            Assert.Equal(HttpStatusCode.OK, otlp.StatusCode);
            Assert.Contains("<h1>Tinjau</h1>", await http.GetStringAsync("/"), StringComparison.Ordinal);

            Assert.NotEmpty(ProcessOwnership.FindOwned(app.Owner));
        }
        finally
        {
            await app.StopAsync();
        }

        Assert.DoesNotContain(ProcessOwnership.FindOwned(app.Owner), TestInfrastructureTests.IsAlive);
        Assert.False(File.Exists(app.StateFile));
    }

    [Fact]
    public async Task Uses_servers_given_as_connection_strings_and_launches_nothing_for_them()
    {
        await using var infra = await TestInfrastructure.StartAsync(new InfrastructureOptions { RabbitMq = false, Redis = false });
        var server = infra.GetPostgresConnectionString("postgres");
        using var repo = new FakeRepository();
        var builder = DistributedApplication.CreateBuilder(repo.Args(
            "--AppHost:RandomizePorts=true",
            "--ConnectionStrings:postgres=" + server,
            "--ConnectionStrings:messaging=amqp://guest:guest@127.0.0.1:5672",
            "--ConnectionStrings:cache=127.0.0.1:6379",
            "--Parameters:given-key=from-configuration"));
        var postgres = builder.AddPostgres("postgres");
        var db = postgres.AddDatabase("ordersdb");
        var messaging = builder.AddRabbitMQ("messaging");
        var cache = builder.AddRedis("cache");
        var other = builder.AddProject("other", "svc/Svc.csproj");
        builder.AddProject("svc", "svc/Svc.csproj")
            .WithReference(db).WithReference(messaging).WithReference(cache).WithReference(other)
            .WithEnvironment("Extra__Setting", "42")
            .WithEnvironment("Given__Key", builder.AddParameter("given-key", secret: true))
            .WithEnvironment("Missing__Key", builder.AddParameter("missing-key", secret: true));
        var app = builder.Build();
        try
        {
            await app.StartAsync();
            await WaitUntil(() => app.Registry.Runtimes.Single(r => r.Resource.Name == "ordersdb").State == ResourceStates.Healthy);

            Assert.Equal(ResourceStates.External, State(app, "postgres"));
            Assert.Equal(ResourceStates.External, State(app, "messaging"));
            Assert.Equal(ResourceStates.External, State(app, "cache"));
            Assert.Empty(ProcessOwnership.FindOwned(app.Owner));
            Assert.False(Directory.Exists(Path.Combine(repo.State, "postgres")));

            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = 'ordersdb'", connection);
                Assert.Equal(1L, await command.ExecuteScalarAsync());
            }

            // No build output for the fake project: it fails with a message that says how to build it.
            await WaitUntil(() => State(app, "svc") == ResourceStates.FailedToStart);
            var svc = app.Registry.Snapshot().Single(r => r.Name == "svc");
            Assert.Contains("Fake.Svc.dll not found", svc.Detail, StringComparison.Ordinal);

            var env = app.GetEnvironment("svc");
            Assert.Equal(PostgresDatabases.ForDatabase(server, "ordersdb"), env["ConnectionStrings__ordersdb"]);
            Assert.Equal("amqp://guest:guest@127.0.0.1:5672", env["ConnectionStrings__messaging"]);
            Assert.Equal("127.0.0.1:6379", env["ConnectionStrings__cache"]);
            Assert.Equal(app.Registry.Snapshot().Single(r => r.Name == "other").Url, env["services__other__http__0"]);
            Assert.StartsWith("http://127.0.0.1:", env["services__other__http__0"], StringComparison.Ordinal);
            Assert.Equal(app.DashboardUrl, env["OTEL_EXPORTER_OTLP_ENDPOINT"]);
            Assert.Equal("svc", env["OTEL_SERVICE_NAME"]);
            Assert.Equal("Development", env["ASPNETCORE_ENVIRONMENT"]);
            Assert.Equal("42", env["Extra__Setting"]);
            // A parameter is passed when configuration gives it, and left unset (the service's own default) otherwise.
            Assert.Equal("from-configuration", env["Given__Key"]);
            Assert.False(env.ContainsKey("Missing__Key"));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task A_taken_fixed_port_names_the_port_and_the_resource()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var repo = new FakeRepository();
        var builder = DistributedApplication.CreateBuilder(repo.Args($"--AppHost:Ports:cache={port}"));
        builder.AddRedis("cache");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<PortAlreadyInUseException>(() => app.StartAsync());

        Assert.Equal(port, error.Port);
        Assert.Equal("cache", error.Resource);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    private static string State(DistributedApplication app, string name) => app.Registry.Snapshot().Single(r => r.Name == name).State;

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(50);
        }
    }
}
