using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tinjau.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class AdminTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Admin_endpoints_answer_401_without_a_token_403_for_a_citizen_and_200_for_an_admin()
    {
        using var anonymous = fixture.CreateClient();
        using var unauthorized = await anonymous.GetAsync("/api/identity/users");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);

        using var citizen = fixture.CreateClient(await fixture.TokenForAsync("citizen@tinjau.local"));
        using var forbidden = await citizen.GetAsync("/api/identity/users");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);

        using var admin = fixture.CreateClient(await fixture.TokenForAsync("admin@tinjau.local"));
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/identity/users?role=admin");
        Assert.Contains(page.GetProperty("items").EnumerateArray(), u => u.GetProperty("userName").GetString() == "admin@tinjau.local");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_not_accepted_by_the_identity_api()
    {
        using var admin = fixture.CreateClient(await fixture.TokenForAsync("admin@tinjau.local", "complaints"));
        using var response = await admin.GetAsync("/api/identity/users");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Admin_creates_a_staff_user_changes_their_roles_and_both_changes_are_audited()
    {
        using var admin = fixture.CreateClient(await fixture.TokenForAsync("admin@tinjau.local"));
        var email = $"petugas-{Guid.NewGuid():N}@tinjau.local";
        using var created = await admin.PostAsJsonAsync("/api/identity/users", new
        {
            email,
            displayName = "Petugas Baru",
            password = "Sementara2026",
            roles = new[] { "unit-staff" },
            unitId = FakeUnitDirectory.Kwitang,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var changed = await admin.PutAsJsonAsync($"/api/identity/users/{id}/roles", new { roles = new[] { "unit-head" }, unitId = FakeUnitDirectory.Senen });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var token = IdentityFixture.Read(await fixture.TokenForAsync(email, "complaints", "Sementara2026"));
        Assert.Contains(token.Claims, c => c.Type == "role" && c.Value == "unit-head");
        Assert.Equal(FakeUnitDirectory.Senen.ToString(), token.GetClaim("unit_id").Value);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/audit?targetUserId={id}");
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["user.roles-changed", "user.created"], entries.Select(e => e.GetProperty("action").GetString()));
        var change = entries[0];
        Assert.Equal("Admin Tinjau", change.GetProperty("actorName").GetString());
        Assert.Contains("unit-staff", change.GetProperty("details").GetString());
        Assert.Contains("unit-head", change.GetProperty("details").GetString());
    }

    [Fact]
    public async Task Role_changes_are_validated_404_409_400_and_503_when_the_registry_is_down()
    {
        using var admin = fixture.CreateClient(await fixture.TokenForAsync("admin@tinjau.local"));
        using var missing = await admin.PutAsJsonAsync($"/api/identity/users/{Guid.NewGuid()}/roles", new { roles = new[] { "ops" } });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var email = $"staf-{Guid.NewGuid():N}@tinjau.local";
        using var created = await admin.PostAsJsonAsync("/api/identity/users", new { email, displayName = "Staf", password = "Sementara2026", roles = new[] { "satgas" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var noUnit = await admin.PutAsJsonAsync($"/api/identity/users/{id}/roles", new { roles = new[] { "unit-staff" } });
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        Assert.True((await noUnit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("unitId", out _));

        using var unknownRole = await admin.PutAsJsonAsync($"/api/identity/users/{id}/roles", new { roles = new[] { "superuser" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);

        using var unknownUnit = await admin.PutAsJsonAsync($"/api/identity/users/{id}/roles", new { roles = new[] { "unit-staff" }, unitId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, unknownUnit.StatusCode);

        using var registryDown = await admin.PutAsJsonAsync($"/api/identity/users/{id}/roles", new { roles = new[] { "unit-staff" }, unitId = FakeUnitDirectory.Unreachable });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, registryDown.StatusCode);
        Assert.Equal("application/problem+json", registryDown.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(registryDown.Headers.RetryAfter);

        using var toCitizen = await admin.PutAsJsonAsync($"/api/identity/users/{id}/roles", new { roles = new[] { "citizen" } });
        Assert.Equal(HttpStatusCode.Conflict, toCitizen.StatusCode);
    }

    [Fact]
    public async Task Admin_locks_and_unlocks_a_user()
    {
        using var admin = fixture.CreateClient(await fixture.TokenForAsync("admin@tinjau.local"));
        var email = $"kunci-{Guid.NewGuid():N}@tinjau.local";
        using var created = await admin.PostAsJsonAsync("/api/identity/users", new { email, displayName = "Ops 2", password = "Sementara2026", roles = new[] { "ops" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var locked = await admin.PostAsync($"/api/identity/users/{id}/lock", null);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.True((await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedOut").GetBoolean());
        using var refused = await fixture.PasswordGrantAsync(email, "Sementara2026", "identity");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var unlocked = await admin.PostAsync($"/api/identity/users/{id}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        await fixture.TokenForAsync(email, "identity", "Sementara2026");

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/audit?targetUserId={id}");
        Assert.Equal(["user.unlocked", "user.locked", "user.created"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Evaluators_list_the_evaluators_a_team_can_name_with_their_token_subject_and_name_only()
    {
        using var admin = fixture.CreateClient(await fixture.TokenForAsync("admin@tinjau.local"));
        var email = $"evaluator-{Guid.NewGuid():N}@tinjau.local";
        using var created = await admin.PostAsJsonAsync("/api/identity/users", new
        {
            email,
            displayName = "Evaluator Uji",
            password = "Sementara2026",
            roles = new[] { "evaluator" },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var evaluator = fixture.CreateClient(await fixture.TokenForAsync("evaluator@tinjau.local"));
        var list = (await evaluator.GetFromJsonAsync<JsonElement>("/api/identity/evaluators")).EnumerateArray().ToList();
        var entry = Assert.Single(list, e => e.GetProperty("id").GetGuid() == id);
        Assert.Equal("Evaluator Uji", entry.GetProperty("displayName").GetString());
        Assert.Equal(["displayName", "id"], entry.EnumerateObject().Select(p => p.Name).Order());
        // The id is the subject of the evaluator's tokens, the id a team names.
        var own = IdentityFixture.Read(await fixture.TokenForAsync("evaluator@tinjau.local")).GetClaim("sub").Value;
        Assert.Contains(list, e => e.GetProperty("id").GetGuid().ToString() == own);
        Assert.DoesNotContain(list, e => e.GetProperty("displayName").GetString() == "Admin Tinjau");

        // A locked account is not offered; a citizen may not list them.
        using var locked = await admin.PostAsync($"/api/identity/users/{id}/lock", null);
        var after = await evaluator.GetFromJsonAsync<JsonElement>("/api/identity/evaluators");
        Assert.DoesNotContain(after.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        using var citizen = fixture.CreateClient(await fixture.TokenForAsync("citizen@tinjau.local"));
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/identity/evaluators")).StatusCode);
    }
}
