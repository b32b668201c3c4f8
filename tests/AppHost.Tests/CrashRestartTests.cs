using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Tinjau.AppHost.Tests;

/// <summary>A local server killed with SIGKILL is started again by the AppHost, with its data and password.</summary>
public sealed class CrashRestartTests : IAsyncLifetime
{
    private TestInfrastructure _servers = null!;

    public async Task InitializeAsync() =>
        _servers = await TestInfrastructure.StartAsync(new InfrastructureOptions { RabbitMq = false });

    public async Task DisposeAsync() => await _servers.DisposeAsync();

    [Fact]
    public async Task PostgreSQL_and_Redis_killed_come_back_PostgreSQL_with_its_data()
    {
        var connectionString = _servers.GetPostgresConnectionString("crashdb");
        await using (var before = new NpgsqlConnection(connectionString))
        {
            await before.OpenAsync();
            await new NpgsqlCommand("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('sebelum');", before).ExecuteNonQueryAsync();
            // Test servers commit asynchronously (synchronous_commit=off, for speed): make the commit durable first.
            await new NpgsqlCommand("CHECKPOINT", before).ExecuteNonQueryAsync();
        }

        var pid = _servers.Kill(ResourceNames.Postgres);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _servers.WaitUntilRestartedAsync(ResourceNames.Postgres, pid, deadline.Token);

        NpgsqlConnection.ClearAllPools();
        await using var after = new NpgsqlConnection(connectionString);
        await after.OpenAsync(deadline.Token);
        Assert.Equal("sebelum", await new NpgsqlCommand("SELECT v FROM kept", after).ExecuteScalarAsync(deadline.Token));

        var redisPid = _servers.Kill(ResourceNames.Cache);
        await _servers.WaitUntilRestartedAsync(ResourceNames.Cache, redisPid, deadline.Token);

        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_servers.RedisConnectionString);
        Assert.True((await redis.GetDatabase().PingAsync()) < TimeSpan.FromSeconds(5));
    }
}
