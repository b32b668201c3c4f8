using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Tinjau.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed partial class AuthorizationCodeFlowTests(IdentityFixture fixture)
{
    [Fact]
    public async Task The_portal_signs_a_user_in_with_code_and_pkce_and_gets_tokens()
    {
        using var browser = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = "tinjau-portal",
            ["response_type"] = "code",
            ["scope"] = "openid profile roles complaints offline_access",
            ["redirect_uri"] = "http://localhost:8080/callback",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = "xyz",
        });

        using var toLogin = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Found, toLogin.StatusCode);
        using var form = await browser.GetAsync(toLogin.Headers.Location);
        var html = await form.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html);
        var returnUrl = WebUtility.HtmlDecode(ReturnUrlField().Match(html).Groups[1].Value);

        using var wrong = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["returnUrl"] = returnUrl,
            ["userName"] = "leadership@tinjau.local",
            ["password"] = "WrongPassword1",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        using var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["returnUrl"] = returnUrl,
            ["userName"] = "leadership@tinjau.local",
            ["password"] = IdentityFixture.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith("/connect/authorize", signedIn.Headers.Location!.OriginalString);

        using var toClient = await browser.GetAsync(signedIn.Headers.Location);
        Assert.Equal(HttpStatusCode.Found, toClient.StatusCode);
        Assert.StartsWith("http://localhost:8080/callback", toClient.Headers.Location!.ToString());
        var query = QueryHelpers.ParseQuery(toClient.Headers.Location.Query);
        Assert.Equal("xyz", query["state"].ToString());

        using var withoutVerifier = await fixture.RequestTokenAsync(("grant_type", "authorization_code"), ("client_id", "tinjau-portal"),
            ("code", query["code"].ToString()), ("redirect_uri", "http://localhost:8080/callback"));
        Assert.Equal(HttpStatusCode.BadRequest, withoutVerifier.StatusCode);

        // Codes are one-time: ask again (the sign-in cookie makes it silent) and redeem with the verifier.
        using var again = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        var code = QueryHelpers.ParseQuery(again.Headers.Location!.Query)["code"].ToString();
        using var tokens = await fixture.RequestTokenAsync(("grant_type", "authorization_code"), ("client_id", "tinjau-portal"),
            ("code", code), ("redirect_uri", "http://localhost:8080/callback"), ("code_verifier", verifier));
        var body = await tokens.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var access = IdentityFixture.Read(body.GetProperty("access_token").GetString()!);
        Assert.Equal(["complaints"], access.Audiences);
        Assert.Contains(access.Claims, c => c.Type == "role" && c.Value == "leadership");
        Assert.True(body.TryGetProperty("id_token", out _));
        Assert.True(body.TryGetProperty("refresh_token", out _));

        using var userinfoClient = fixture.CreateClient(body.GetProperty("access_token").GetString()!);
        var userinfo = await userinfoClient.GetFromJsonAsync<JsonElement>("/connect/userinfo");
        Assert.Equal(access.Subject, userinfo.GetProperty("sub").GetString());
        Assert.Equal("Pimpinan Kota", userinfo.GetProperty("name").GetString());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
