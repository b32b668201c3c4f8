using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tinjau.UnitRegistry.Tests.Integration;

/// <summary>Reads of the registry are public information; every write is for admins only.</summary>
[Collection(IntegrationCollection.Name)]
public class AccessTests(UnitRegistryAppFixture app)
{
    [Fact]
    public async Task Reads_need_no_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync("/api/units/by-code/31.71")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous.GetAsync("/api/calendar/holidays?year=2026")).StatusCode);
    }

    [Fact]
    public async Task A_write_without_a_token_is_401_problem_and_changes_nothing()
    {
        var code = UnitRegistryAppFixture.NextKotaCode();
        var response = await app.Anonymous.PostAsJsonAsync("/api/units", new { code, name = "Kota Tanpa Token", type = "kota", timeZone = "WIB" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous.GetAsync($"/api/units/by-code/{code}")).StatusCode);
    }

    [Theory]
    [InlineData("citizen")]
    [InlineData("unit-staff")]
    [InlineData("unit-head")]
    [InlineData("leadership")]
    [InlineData("evaluator")]
    public async Task A_write_by_anyone_but_an_admin_is_403_problem(string role)
    {
        using var client = app.ClientFor(role);
        var code = UnitRegistryAppFixture.NextKotaCode();
        var response = await client.PostAsJsonAsync("/api/units", new { code, name = "Kota Bukan Admin", type = "kota", timeZone = "WIB" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_token_for_another_service_is_401()
    {
        using var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", app.Tokens.Create("complaints", "admin"));
        var response = await client.PostAsJsonAsync("/api/units",
            new { code = UnitRegistryAppFixture.NextKotaCode(), name = "Kota Audiens Lain", type = "kota", timeZone = "WIB" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
