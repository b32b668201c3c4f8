using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Hosting;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// What a person running <c>./run.sh</c> twice relies on: stopping the AppHost (what Ctrl+C and SIGTERM do) stops
/// every service and server and leaves no process behind, and a second start on the same state folder keeps the data.
/// </summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Stopping_leaves_no_process_behind_and_a_second_start_keeps_the_data()
    {
        // Created with the default mode (not CreateTempSubdirectory's 0700): PostgreSQL runs as its own user inside.
        var state = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"tinjau-e2e-lifecycle-{Guid.NewGuid():N}")).FullName;
        try
        {
            Guid unitId;
            var code = "85.01";
            await using (var first = await PlatformFixture.StartAsync(state))
            {
                using var gateway = first.CreateHttpClient(ResourceNames.Gateway, "http");
                var token = await Platform.TokenAsync(gateway, "admin@tinjau.local", "unitregistry");
                using var created = await gateway.SendAsync(Platform.Authorized(HttpMethod.Post, "/api/units", token,
                    new { code, name = "Kota Bertahan", type = "kota", timeZone = "WITA" }));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                unitId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

                var pids = Platform.ResourcePids(first);
                Assert.True(pids.Count >= 9, $"expected a process per server and service, got {pids.Count}");

                await first.StopAsync();
                await Eventually.TrueAsync(() => Task.FromResult(!pids.Any(Platform.IsRunning) && Platform.ProcessesMentioning(state).Count == 0),
                    TimeSpan.FromSeconds(30), "every server and service process to be gone");
            }

            await using var second = await PlatformFixture.StartAsync(state);
            using var again = second.CreateHttpClient(ResourceNames.Gateway, "http");
            var unit = await again.GetFromJsonAsync<JsonElement>($"/api/units/{unitId}");
            Assert.Equal(code, unit.GetProperty("code").GetString());
            Assert.Equal("Asia/Makassar", unit.GetProperty("timeZone").GetString());
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
