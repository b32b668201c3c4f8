using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tinjau.Complaints.Contracts;

namespace Tinjau.UnitRegistry.Tests.Integration;

/// <summary>The registry keeps each unit's live complaint figures from the Complaints service's events.</summary>
[Collection(IntegrationCollection.Name)]
public class ComplaintStatsTests(UnitRegistryAppFixture app)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Complaint_events_from_the_bus_become_the_units_figures()
    {
        var kelurahan = (await app.CreateKotaAsync()).GetProperty("id").GetGuid();
        var other = (await app.CreateKotaAsync()).GetProperty("id").GetGuid();
        var bus = app.Factory.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;
        var complaint = Guid.NewGuid();

        await bus.Publish(new ComplaintRouted(complaint, "JKT-TEST-01", kelurahan, null, [], "located", null, now));
        await bus.Publish(new ComplaintRouted(Guid.NewGuid(), "JKT-TEST-02", kelurahan, null, [], "located", null, now));
        await bus.Publish(new ComplaintRouted(Guid.NewGuid(), "JKT-TEST-03", other, kelurahan, [], "disposisi", null, now));
        await bus.Publish(new ComplaintSlaBreached(complaint, "JKT-TEST-01", kelurahan, "follow-up", now, null, now));
        await bus.Publish(new ComplaintResolved(complaint, "JKT-TEST-01", kelurahan, "jalan", "jaki", 4, true, false, now.AddDays(-5), now));
        await bus.Publish(new ComplaintRated(complaint, "JKT-TEST-01", kelurahan, 4, now));

        var json = await Eventually.GetAsync(async () =>
        {
            var raw = await app.Anonymous.GetStringAsync($"/api/units/{kelurahan}/complaint-stats");
            var s = JsonDocument.Parse(raw).RootElement;
            return s.GetProperty("ratings").GetInt32() == 1 && s.GetProperty("handedOn").GetInt32() == 1
                   && s.GetProperty("slaBreaches").GetInt32() == 1 && s.GetProperty("resolved").GetInt32() == 1
                   && s.GetProperty("received").GetInt32() == 2
                ? raw : null;
        }, Deadline, "the unit's complaint figures");

        var figures = JsonDocument.Parse(json).RootElement;
        Assert.Equal(0, figures.GetProperty("open").GetInt32());
        Assert.Equal(1.0, figures.GetProperty("shareResolvedWithinSla").GetDouble());
        Assert.Equal(4.0, figures.GetProperty("averageRating").GetDouble());

        var receiving = await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/units/{other}/complaint-stats");
        Assert.Equal(1, receiving.GetProperty("open").GetInt32());

        // The reporter reopens the resolved complaint: the unit holds it again. A move that does not leave Selesai
        // (answered, not yet confirmed, reopened from Proses) changes nothing.
        await bus.Publish(new ComplaintStatusChanged(complaint, "JKT-TEST-01", kelurahan, "Proses", "Proses", "reopen", now));
        await bus.Publish(new ComplaintStatusChanged(complaint, "JKT-TEST-01", kelurahan, "Selesai", "Proses", "reopen", now));
        await Eventually.TrueAsync(async () =>
        {
            var s = await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/units/{kelurahan}/complaint-stats");
            return s.GetProperty("reopened").GetInt32() == 1 && s.GetProperty("open").GetInt32() == 1;
        }, Deadline, "the reopened complaint to count as open");
    }

    [Fact]
    public async Task A_reopened_complaint_no_longer_counts_its_rating_or_its_resolution_within_SLA()
    {
        var unit = (await app.CreateKotaAsync()).GetProperty("id").GetGuid();
        var bus = app.Factory.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;
        var complaint = Guid.NewGuid();
        await bus.Publish(new ComplaintRouted(complaint, "JKT-REOP-01", unit, null, [], "located", null, now));
        await bus.Publish(new ComplaintResolved(complaint, "JKT-REOP-01", unit, "jalan", "jaki", 2, true, false, now.AddDays(-3), now));
        await bus.Publish(new ComplaintRated(complaint, "JKT-REOP-01", unit, 5, now));
        await Eventually.TrueAsync(async () =>
        {
            var s = await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/units/{unit}/complaint-stats");
            return s.GetProperty("ratings").GetInt32() == 1 && s.GetProperty("resolved").GetInt32() == 1;
        }, Deadline, "the resolved and rated complaint");

        await bus.Publish(new ComplaintStatusChanged(complaint, "JKT-REOP-01", unit, "Selesai", "Proses", "reopen", now.AddHours(1)));
        await bus.Publish(new ComplaintReopened(complaint, "JKT-REOP-01", unit, true, true, 5, 1, now.AddHours(1)));
        var raw = await Eventually.GetAsync(async () =>
        {
            var text = await app.Anonymous.GetStringAsync($"/api/units/{unit}/complaint-stats");
            var s = JsonDocument.Parse(text).RootElement;
            return s.GetProperty("ratings").GetInt32() == 0 && s.GetProperty("open").GetInt32() == 1 ? text : null;
        }, Deadline, "the rating to be withdrawn");
        var figures = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("averageRating").ValueKind);
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("shareResolvedWithinSla").ValueKind);
        Assert.Equal(0, figures.GetProperty("resolvedWithinSla").GetInt32());
    }

    [Fact]
    public async Task A_burst_of_events_with_redelivered_copies_counts_each_complaint_once()
    {
        var unit = (await app.CreateKotaAsync()).GetProperty("id").GetGuid();
        var next = (await app.CreateKotaAsync()).GetProperty("id").GetGuid();
        var bus = app.Factory.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;

        // 250 complaints routed to the unit, 30 of them then handed on; every event is sent twice with one MessageId,
        // as a broker redelivers after a lost acknowledgement. Batches of up to 100 see copies within and across them.
        var events = Enumerable.Range(0, 250)
            .Select(i => (Id: Guid.NewGuid(), Event: new ComplaintRouted(Guid.NewGuid(), $"JKT-BURST-{i}", unit, null, [], "located", null, now)))
            .Concat(Enumerable.Range(0, 30)
                .Select(i => (Id: Guid.NewGuid(), Event: new ComplaintRouted(Guid.NewGuid(), $"JKT-BURST-H{i}", next, unit, [], "disposisi", null, now))))
            .ToList();
        foreach (var (id, e) in events.Concat(events))
        {
            await bus.Publish(e, context => context.MessageId = id);
        }

        var raw = await Eventually.GetAsync(async () =>
        {
            var text = await app.Anonymous.GetStringAsync($"/api/units/{unit}/complaint-stats");
            var s = JsonDocument.Parse(text).RootElement;
            return s.GetProperty("received").GetInt32() >= 250 && s.GetProperty("handedOn").GetInt32() >= 30 ? text : null;
        }, Deadline, "the burst to be counted");
        var figures = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(250, figures.GetProperty("received").GetInt32());
        Assert.Equal(30, figures.GetProperty("handedOn").GetInt32());
        Assert.Equal(220, figures.GetProperty("open").GetInt32());
        await Eventually.TrueAsync(async () =>
        {
            var s = await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/units/{next}/complaint-stats");
            return s.GetProperty("received").GetInt32() == 30;
        }, Deadline, "the receiving unit's figures");
    }

    [Fact]
    public async Task Figures_of_an_unknown_unit_are_404()
    {
        var response = await app.Anonymous.GetAsync($"/api/units/{Guid.NewGuid()}/complaint-stats");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
