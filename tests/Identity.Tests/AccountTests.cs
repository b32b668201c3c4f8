using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tinjau.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class AccountTests(IdentityFixture fixture)
{
    private static string NewEmail() => $"warga-{Guid.NewGuid():N}@example.id";

    [Fact]
    public async Task A_citizen_registers_with_email_then_signs_in_and_sees_their_profile()
    {
        using var client = fixture.CreateClient();
        var email = NewEmail();
        using var created = await client.PostAsJsonAsync("/api/identity/register", new { email, password = "Rahasia12345", displayName = "Budi" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["citizen"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        using var me = fixture.CreateClient(await fixture.TokenForAsync(email, "identity", "Rahasia12345"));
        var profile = await me.GetFromJsonAsync<JsonElement>("/api/identity/me");
        Assert.Equal(email, profile.GetProperty("email").GetString());
        Assert.Equal("Budi", profile.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_citizen_registers_with_a_phone_number_and_signs_in_with_it()
    {
        using var client = fixture.CreateClient();
        var digits = Random.Shared.NextInt64(100_000_000, 999_999_999).ToString();
        using var created = await client.PostAsJsonAsync("/api/identity/register", new { phone = $"0812-{digits}", password = "Rahasia12345" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"+62812{digits}", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());

        var token = IdentityFixture.Read(await fixture.TokenForAsync($"+62812{digits}", "complaints", "Rahasia12345"));
        Assert.Contains(token.Claims, c => c.Type == "role" && c.Value == "citizen");
    }

    [Fact]
    public async Task Registering_twice_is_a_conflict()
    {
        using var client = fixture.CreateClient();
        var email = NewEmail();
        using var first = await client.PostAsJsonAsync("/api/identity/register", new { email, password = "Rahasia12345" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await client.PostAsJsonAsync("/api/identity/register", new { email = email.ToUpperInvariant(), password = "Rahasia12345" });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercase123")]
    [InlineData("NoDigitsHereAtAll")]
    public async Task A_weak_password_is_a_validation_problem_on_the_password_field(string password)
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/identity/register", new { email = NewEmail(), password });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").GetProperty("password").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_never_a_500()
    {
        using var client = fixture.CreateClient();
        using var invalidEmail = await client.PostAsJsonAsync("/api/identity/register", new { email = "not-an-email", password = "Rahasia12345" });
        Assert.Equal(HttpStatusCode.BadRequest, invalidEmail.StatusCode);
        Assert.True((await invalidEmail.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));

        using var both = await client.PostAsJsonAsync("/api/identity/register", new { email = NewEmail(), phone = "081234567890", password = "Rahasia12345" });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);

        using var malformed = await client.PostAsync("/api/identity/register", new StringContent("{ not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var client = fixture.CreateClient();
        var email = NewEmail();
        (await client.PostAsJsonAsync("/api/identity/register", new { email, password = "Rahasia12345" })).EnsureSuccessStatusCode();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await fixture.PasswordGrantAsync(email, "WrongPassword1", "identity");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var locked = await fixture.PasswordGrantAsync(email, "Rahasia12345", "identity");
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        var error = await locked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_grant", error.GetProperty("error").GetString());
        Assert.Contains("locked", error.GetProperty("error_description").GetString());
    }
}
