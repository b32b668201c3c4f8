using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// The most important fault: RabbitMQ killed (SIGKILL) while citizens file complaints. Every complaint accepted is
/// stored, and every one reaches the registry's figures exactly once after the AppHost has started the broker again.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BrokerCrashTests(PlatformFixture platform)
{
    private const int Complaints = 60;

    [Fact]
    public async Task With_the_broker_killed_under_load_no_accepted_complaint_is_lost_and_each_is_counted_once()
    {
        // A kelurahan of its own in the city's south-east corner, more than 3 km from every other kelurahan's centre,
        // so that the count below is this test's alone.
        var (lat, lon) = (-6.2270 + Random.Shared.NextDouble() / 500, 106.8840 - Random.Shared.NextDouble() / 500);
        var unit = await Platform.RegisterKelurahanAsync(platform.Gateway, "Kelurahan Uji Gangguan", "9", lat, lon);
        var forwarderKey = await platform.ForwarderKeyAsync();

        var accepted = new ConcurrentBag<string>();
        var serverErrors = new ConcurrentBag<HttpStatusCode>();
        var sent = 0;
        var brokerPid = Pid(ResourceNames.Messaging);
        var killed = false;
        await Parallel.ForEachAsync(Enumerable.Range(0, Complaints), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, ct) =>
        {
            if (Interlocked.Increment(ref sent) == Complaints / 3 && !killed)
            {
                killed = true;
                Process.GetProcessById(brokerPid).Kill(entireProcessTree: true);
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
            {
                Content = JsonContent.Create(new
                {
                    category = "fasilitas-umum",
                    description = $"Uji gangguan broker nomor {i} ({Guid.NewGuid():N}).",
                    latitude = lat,
                    longitude = lon,
                }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            request.Headers.Add("X-Forwarded-For", $"198.19.{i / 250}.{i % 250 + 1}");
            request.Headers.Add(TrustedForwarder.Header, forwarderKey);
            using var response = await platform.Gateway.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("trackingNumber").GetString()!);
            }
            else if ((int)response.StatusCode >= 500)
            {
                serverErrors.Add(response.StatusCode);
            }
        });

        Assert.True(killed);
        Assert.Empty(serverErrors);
        Assert.Equal(Complaints, accepted.Count);

        // The AppHost starts the broker again by itself; the outbox then sends what waited.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await platform.App.ResourceNotifications.WaitForResourceAsync(ResourceNames.Messaging,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && PidOf(e.Snapshot) is { } pid && pid != brokerPid, deadline.Token);
        var registry = await platform.App.GetConnectionStringAsync(ResourceNames.UnitRegistryDb, deadline.Token);
        var received = await Eventually.GetAsync(async () =>
        {
            var count = await ReceivedAsync(registry!, unit);
            return count >= accepted.Count ? (object)count : null;
        }, TimeSpan.FromMinutes(3), "every accepted complaint in the registry's figures");
        Assert.Equal(accepted.Count, (int)received);

        // Once, not more: when the complaints outbox has sent everything, the count has not grown.
        var complaints = await platform.App.GetConnectionStringAsync(ResourceNames.ComplaintsDb, deadline.Token);
        await Eventually.TrueAsync(async () => await ScalarAsync(complaints!, "SELECT count(*)::int FROM outbox_messages WHERE sent_at IS NULL") == 0,
            TimeSpan.FromMinutes(2), "the complaints outbox to be empty");
        Assert.Equal(accepted.Count, await ReceivedAsync(registry!, unit));
    }

    private int Pid(string resource) =>
        platform.App.ResourceNotifications.TryGetCurrentState(resource, out var e) && PidOf(e.Snapshot) is { } pid
            ? pid
            : throw new InvalidOperationException($"{resource} has no process id");

    private static int? PidOf(CustomResourceSnapshot snapshot) => TestInfrastructure.PidOf(snapshot);

    private static async Task<int> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is int count ? count : 0;
    }

    private static async Task<int> ReceivedAsync(string connectionString, Guid unit)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT received FROM unit_complaint_stats WHERE unit_id = @unit", connection);
        command.Parameters.AddWithValue("unit", unit);
        return await command.ExecuteScalarAsync() is int count ? count : 0;
    }
}
