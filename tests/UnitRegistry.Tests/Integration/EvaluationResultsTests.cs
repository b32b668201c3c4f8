using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tinjau.Evaluations.Contracts;

namespace Tinjau.UnitRegistry.Tests.Integration;

/// <summary>The registry shows each unit's finalised PEKPPP results, kept from the Evaluations service's events.</summary>
[Collection(IntegrationCollection.Name)]
public class EvaluationResultsTests(UnitRegistryAppFixture app)
{
    [Fact]
    public async Task A_finalised_evaluation_becomes_the_units_result_for_its_period_and_an_older_one_does_not_replace_it()
    {
        var unit = (await app.CreateKotaAsync()).GetProperty("id").GetGuid();
        var bus = app.Factory.Services.GetRequiredService<IBus>();
        var at = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(7));

        await bus.Publish(Finalized(unit, 2026, 4.14m, "A-", at));
        await bus.Publish(Finalized(unit, 2025, 3.20m, "B-", at.AddYears(-1)));

        var json = await Eventually.GetAsync(async () =>
        {
            var raw = await app.Anonymous.GetStringAsync($"/api/units/{unit}/evaluation-results");
            return JsonDocument.Parse(raw).RootElement.GetArrayLength() == 2 ? raw : null;
        }, TimeSpan.FromSeconds(30), "both periods' results");
        var results = JsonDocument.Parse(json).RootElement;
        Assert.Equal(2026, results[0].GetProperty("period").GetInt32());
        Assert.Equal(4.14m, results[0].GetProperty("ipp").GetDecimal());
        Assert.Equal("A-", results[0].GetProperty("category").GetString());

        // A re-evaluation of 2026 finalised later replaces the result; an earlier one arriving late does not.
        await bus.Publish(Finalized(unit, 2026, 4.30m, "A-", at.AddDays(2)));
        await Eventually.TrueAsync(async () =>
            (await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/units/{unit}/evaluation-results"))[0].GetProperty("ipp").GetDecimal() == 4.30m,
            TimeSpan.FromSeconds(30), "the re-evaluation");
        await bus.Publish(Finalized(unit, 2026, 2.00m, "C-", at.AddDays(-3)));
        await bus.Publish(Finalized(unit, 2024, 1.00m, "F", at.AddYears(-2)));
        await Eventually.TrueAsync(async () =>
            (await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/units/{unit}/evaluation-results")).GetArrayLength() == 3,
            TimeSpan.FromSeconds(30), "the 2024 result (published after the stale 2026 one)");
        var latest = (await app.Anonymous.GetFromJsonAsync<JsonElement>($"/api/units/{unit}/evaluation-results"))[0];
        Assert.Equal(4.30m, latest.GetProperty("ipp").GetDecimal());
    }

    private static EvaluationFinalized Finalized(Guid unit, int period, decimal ipp, string category, DateTimeOffset at) =>
        new(Guid.NewGuid(), Guid.NewGuid(), unit, period, false, "PEKPPP", 1, ipp, category, "label", ipp, null, 0.1m, [], "sha", at);
}
