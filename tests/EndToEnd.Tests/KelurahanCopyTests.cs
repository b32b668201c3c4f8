using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Hosting;

namespace Tinjau.EndToEnd.Tests;

/// <summary>
/// Intake locates a point from its own copy of the registry's kelurahan (read at start, kept current by the unit
/// events), so a complaint is routed while the registry is down, and a kelurahan registered later is in the copy.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class KelurahanCopyTests(PlatformFixture platform)
{
    [Fact]
    public async Task With_the_registry_stopped_complaints_are_still_routed_to_their_kelurahan_including_one_registered_since_the_start()
    {
        var gateway = platform.Gateway;
        var kwitang = (await gateway.GetFromJsonAsync<JsonElement>("/api/units/by-code/31.71.04.1002")).GetProperty("id").GetGuid();
        // The city's north-west corner, more than 3 km from every seeded kelurahan and far from the broker test's own
        // in the south-east: complaints here are this test's. The copy learns of it by the event.
        var (lat, lon) = (-6.1310 - Random.Shared.NextDouble() / 5000, 106.7810 + Random.Shared.NextDouble() / 5000);
        var created = await Platform.RegisterKelurahanAsync(gateway, "Kelurahan Uji Salinan", "8", lat, lon);
        var forwarderKey = await platform.ForwarderKeyAsync();

        await Command(KnownResourceCommands.StopCommand);
        await platform.App.ResourceNotifications.WaitForResourceAsync(ResourceNames.UnitRegistry, KnownResourceStates.TerminalStates);
        try
        {
            Assert.Equal(kwitang, await FileAsync(-6.1826, 106.8412));
            // Filed again until routed there: the event may still be on its way (nothing else could route it now).
            await Eventually.TrueAsync(async () => await FileAsync(lat, lon) == created, TimeSpan.FromSeconds(30),
                "a complaint at the new kelurahan to be routed to it with the registry stopped");
        }
        finally
        {
            await Command(KnownResourceCommands.StartCommand);
            await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.UnitRegistry);
        }

        async Task<Guid?> FileAsync(double latitude, double longitude)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
            {
                Content = JsonContent.Create(new
                {
                    category = "fasilitas-umum",
                    description = $"Uji salinan kelurahan ({Guid.NewGuid():N}).",
                    latitude,
                    longitude,
                }),
            };
            request.Headers.Add("X-Forwarded-For", $"198.18.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}");
            request.Headers.Add(TrustedForwarder.Header, forwarderKey);
            using var response = await gateway.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var unit = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unit");
            return unit.ValueKind == JsonValueKind.Object ? unit.GetProperty("id").GetGuid() : null;
        }
    }

    private async Task Command(string command)
    {
        var result = await platform.App.ResourceCommands.ExecuteCommandAsync(ResourceNames.UnitRegistry, command);
        Assert.True(result.Success, $"{command} on {ResourceNames.UnitRegistry}: {result.Message}");
    }
}
