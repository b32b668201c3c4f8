using System.Text.Json;

namespace Tinjau.Testing;

/// <summary>The seeded demo users of a local platform (README), signed in through its gateway.</summary>
public static class DemoUsers
{
    /// <summary>The local development default password of the seeded demo users (README).</summary>
    public const string Password = "Tinjau!Demo2026";

    /// <summary>A token for a demo user, obtained through the gateway like the README's curl line.</summary>
    public static async Task<string> TokenAsync(HttpClient gateway, string user, string scope)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "tinjau-cli",
            ["username"] = user,
            ["password"] = Password,
            ["scope"] = scope,
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"token for {user}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }
}
