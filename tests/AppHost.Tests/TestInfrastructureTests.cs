using Npgsql;
using Tinjau.AppHost.Hosting;
using Tinjau.AppHost.Hosting.Processes;
using Tinjau.AppHost.Hosting.Servers;

namespace Tinjau.AppHost.Tests;

public sealed class TestInfrastructureTests
{
    [Fact]
    public async Task Starts_all_three_on_free_ports_survives_a_rabbitmq_restart_and_leaves_nothing_behind()
    {
        var infra = await TestInfrastructure.StartAsync();
        IReadOnlyList<int> pids;
        try
        {
            Assert.StartsWith("/tmp/tinjau-test-", infra.Directory, StringComparison.Ordinal);

            var connectionString = infra.GetPostgresConnectionString("answers");
            Assert.Contains("Database=answers", connectionString, StringComparison.Ordinal);
            Assert.Equal(connectionString, infra.GetPostgresConnectionString("answers"));
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                Assert.Equal(1, await command.ExecuteScalarAsync());
            }

            Assert.Equal($"amqp://guest:guest@127.0.0.1:{infra.RabbitMqPort}", infra.RabbitMqConnectionString);
            Assert.True(await PortAllocator.IsOpenAsync(infra.RabbitMqPort));

            Assert.Equal($"127.0.0.1:{infra.RedisPort}", infra.RedisConnectionString);
            Assert.Equal("+PONG", await RedisServer.SendAsync(infra.RedisPort, "PING"));

            var port = infra.RabbitMqPort;
            await infra.StopRabbitMqAsync();
            Assert.False(await PortAllocator.IsOpenAsync(port));
            await infra.StartRabbitMqAsync();
            Assert.Equal(port, infra.RabbitMqPort);
            Assert.True(await PortAllocator.IsOpenAsync(port));

            pids = infra.GetProcessIds();
            Assert.NotEmpty(pids);
        }
        finally
        {
            await infra.DisposeAsync();
        }

        Assert.Empty(infra.GetProcessIds());
        Assert.All(pids, pid => Assert.False(IsAlive(pid), $"process {pid} is still alive: {Describe(pid)}"));
        Assert.False(Directory.Exists(infra.Directory));
    }

    [Fact]
    public async Task Starts_only_what_is_asked_for()
    {
        await using var infra = await TestInfrastructure.StartAsync(new InfrastructureOptions { Postgres = false, RabbitMq = false });
        Assert.Equal("+PONG", await RedisServer.SendAsync(infra.RedisPort, "PING"));
        Assert.Throws<InvalidOperationException>(() => infra.GetPostgresConnectionString("x"));
        Assert.Throws<InvalidOperationException>(() => infra.RabbitMqConnectionString);
    }

    /// <summary>True for a live process; a zombie awaiting its parent's reaping does not count.</summary>
    internal static bool IsAlive(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            return !status.Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains('Z', StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string Describe(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ') + " | " +
                string.Join("; ", File.ReadAllLines($"/proc/{pid}/status").Take(8));
        }
        catch (IOException)
        {
            return "gone";
        }
    }
}

public class ServerOwnershipTests
{
    [Fact]
    public async Task Servers_are_found_by_the_folder_they_work_in_even_without_a_readable_marker_and_nothing_else_is()
    {
        // redis-server writes its process title over its environment block: the owner marker cannot be read back,
        // so a crashed host's watchdog and the next start find it by its working folder instead.
        var infra = await TestInfrastructure.StartAsync(new InfrastructureOptions { Postgres = false, RabbitMq = false, Redis = true });
        using var bystander = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "60")
        {
            WorkingDirectory = infra.Directory,
        })!;
        try
        {
            var found = ProcessOwnership.FindWorkingIn(infra.Directory);
            Assert.NotEmpty(found);
            Assert.DoesNotContain(bystander.Id, found);
            Assert.All(found, pid => Assert.Equal("redis-server", File.ReadAllText($"/proc/{pid}/comm").Trim()));

            await infra.DisposeAsync();
            Assert.DoesNotContain(found, TestInfrastructureTests.IsAlive);
        }
        finally
        {
            bystander.Kill();
            await infra.DisposeAsync();
        }
    }
}
