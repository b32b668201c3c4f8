using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// What a person running <c>./run.sh</c> twice relies on: SIGTERM (Ctrl+C) stops every service and server and leaves
/// no process behind, and a second start on the same state folder keeps the data.
/// </summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task Stopping_leaves_no_process_behind_and_a_second_start_keeps_the_data()
    {
        var state = Directory.CreateTempSubdirectory("tinjau-e2e-lifecycle-").FullName;
        try
        {
            Guid unitId;
            var code = "85.01";
            await using (var first = await AppHostProcess.StartAsync(state))
            {
                using var gateway = new HttpClient { BaseAddress = first.GatewayUrl };
                using var dashboard = new HttpClient { BaseAddress = first.DashboardUrl };
                var token = await Platform.TokenAsync(gateway, "admin@tinjau.local", "unitregistry");
                using var created = await gateway.SendAsync(Platform.Authorized(HttpMethod.Post, "/api/units", token,
                    new { code, name = "Kota Bertahan", type = "kota", timeZone = "WITA" }));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                unitId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

                var pids = await Platform.ResourcePidsAsync(dashboard);
                Assert.True(pids.Count >= 6, $"expected a process per server and service, got {pids.Count}");

                Assert.Equal(0, await first.StopAsync(TimeSpan.FromSeconds(90)));
                Assert.DoesNotContain(pids, Platform.IsRunning);
                Assert.Empty(Platform.ProcessesMentioning(state));
            }

            await using var second = await AppHostProcess.StartAsync(state);
            using var again = new HttpClient { BaseAddress = second.GatewayUrl };
            var unit = await again.GetFromJsonAsync<JsonElement>($"/api/units/{unitId}");
            Assert.Equal(code, unit.GetProperty("code").GetString());
            Assert.Equal("Asia/Makassar", unit.GetProperty("timeZone").GetString());
            Assert.Equal(0, await second.StopAsync(TimeSpan.FromSeconds(90)));
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }
}
