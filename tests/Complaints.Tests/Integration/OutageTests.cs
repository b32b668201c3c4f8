using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Complaints.Tests.Integration;

/// <summary>What a caller meets while a server the service depends on is down, and after it returns.</summary>
[Collection(ComplaintsCollection.Name)]
public sealed class OutageTests(ComplaintsFixture fx)
{
    [Fact]
    public async Task With_PostgreSQL_down_a_write_is_a_503_with_Retry_After_health_is_unhealthy_and_intake_accepts_again_once_it_is_back()
    {
        // Before: Aspire's retries made a write wait ~27 s and end in a 500. A caller who gives up after 10 s would
        // have seen no answer at all.
        using var client = fx.Anonymous();
        client.Timeout = TimeSpan.FromSeconds(10);
        await fx.Infra.StopServerAsync(ResourceNames.Postgres);
        try
        {
            using var refused = await client.PostAsJsonAsync("/api/complaints", Complaints.Body());
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);

            using var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            using var alive = await client.GetAsync("/alive");
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }
        finally
        {
            await fx.Infra.StartServerAsync(ResourceNames.Postgres);
        }

        // The same submission once the database is back is accepted.
        var number = await Eventually.GetAsync(async () =>
        {
            using var response = await client.PostAsJsonAsync("/api/complaints", Complaints.Body());
            return response.StatusCode == HttpStatusCode.Created
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()
                : null;
        }, TimeSpan.FromSeconds(60), "intake to accept again");
        Assert.StartsWith("JKT-", number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Redis_down_the_service_stays_ready_but_degraded_and_reads_come_from_the_database()
    {
        using var admin = fx.Admin();
        admin.Timeout = TimeSpan.FromSeconds(10);
        await fx.Infra.StopServerAsync(ResourceNames.Cache);
        try
        {
            using var health = await admin.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Degraded", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

            using var statistics = await admin.GetAsync($"/api/complaints/statistics?unitId={InMemoryUnitRegistry.Cikini}");
            Assert.Equal(HttpStatusCode.OK, statistics.StatusCode);
            using var intake = await admin.PostAsJsonAsync("/api/complaints", Complaints.Body());
            Assert.Equal(HttpStatusCode.Created, intake.StatusCode);
        }
        finally
        {
            await fx.Infra.StartServerAsync(ResourceNames.Cache);
        }
    }
}
