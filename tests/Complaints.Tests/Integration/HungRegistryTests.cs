using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tinjau.Complaints.Tests.Support;
using Tinjau.UnitRegistry.Client;

namespace Tinjau.Complaints.Tests.Integration;

/// <summary>
/// The real registry client (HTTP, its resilience pipeline) against a registry that accepts connections and never
/// answers: the client's own timeouts (2 s an attempt, 5 s in all) end the wait, not the 30 s of the default pipeline.
/// </summary>
[Collection(ComplaintsCollection.Name)]
public sealed class HungRegistryTests(ComplaintsFixture fx)
{
    /// <summary>The registry client's total timeout (UnitRegistryClientExtensions) and room for a loaded runner.</summary>
    private static readonly TimeSpan ClientTotal = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task With_the_registry_hung_intake_files_unrouted_and_a_disposition_answers_503_within_the_client_timeout()
    {
        using var hung = HungServer.Start();
        await using var app = fx.App.WithWebHostBuilder(b =>
        {
            b.UseSetting("services:unitregistry:http:0", hung.Address);
            // No token fetch in front of the registry call: the wait measured is the registry's alone.
            b.UseSetting("Identity:Clients:complaints:Secret", "");
            b.ConfigureTestServices(services =>
            {
                var inMemory = services.Single(d => d.ServiceType == typeof(IUnitRegistryClient) && d.ImplementationInstance is not null);
                services.Remove(inMemory);
            });
        });
        Assert.IsType<HttpUnitRegistryClient>(app.Services.CreateScope().ServiceProvider.GetRequiredService<IUnitRegistryClient>());

        using var anonymous = app.CreateClient();
        anonymous.Timeout = TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();
        var filed = await anonymous.FileAsync(Complaints.Body(lat: -6.2020, lon: 106.8210));
        var intake = clock.Elapsed;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, filed.Body.GetProperty("unit").ValueKind);
        // One wait for the registry per intake: once locating fails, the deadline counts weekends without asking again.
        Assert.True(intake < ClientTotal + Margin, $"intake answered after {intake.TotalSeconds:0.0} s");
        Assert.True(hung.Connections > 0, "the registry was not called");

        using var admin = app.CreateClient();
        admin.Timeout = TimeSpan.FromSeconds(60);
        admin.DefaultRequestHeaders.Authorization = new("Bearer", fx.Token(TinjauRoles.ComplaintAdmin, subject: "admin-1"));
        await (await admin.PostJsonAsync($"/api/complaints/{filed.Id}/verify")).OkJsonAsync();
        clock.Restart();
        using var dispose = await admin.PostJsonAsync($"/api/complaints/{filed.Id}/dispose",
            new { unitId = InMemoryUnitRegistry.Kwitang, reason = "lokasi" });
        var disposition = clock.Elapsed;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, dispose.StatusCode);
        Assert.NotNull(dispose.Headers.RetryAfter);
        Assert.True(disposition < ClientTotal + Margin, $"the disposition answered after {disposition.TotalSeconds:0.0} s");
    }

    /// <summary>A TCP server on loopback that accepts every connection, reads nothing and never answers.</summary>
    private sealed class HungServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _held = [];
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

        public int Connections => Volatile.Read(ref _connections);

        public static HungServer Start()
        {
            var server = new HungServer();
            server._listener.Start();
            _ = server.AcceptAsync();
            return server;
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    lock (_held)
                    {
                        _held.Add(client);
                    }
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_held)
            {
                _held.ForEach(c => c.Dispose());
            }
            _stop.Dispose();
        }
    }
}
