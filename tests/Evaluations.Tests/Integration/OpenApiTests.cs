namespace Tinjau.Evaluations.Tests.Integration;

/// <summary>The OpenAPI document shows every answer an endpoint gives, not only its 200.</summary>
[Collection(IntegrationCollection.Name)]
public class OpenApiTests(EvaluationsAppFixture app)
{
    [Theory]
    [InlineData("/api/evaluations/{id}/f02", "get", new[] { "200", "403", "404" })]
    [InlineData("/api/evaluations/{id}/recommendations", "post", new[] { "201", "400", "403", "404", "409" })]
    [InlineData("/api/evaluations/{id}/berita-acara/sign", "post", new[] { "200", "400", "403", "404", "409" })]
    [InlineData("/api/skm/public/{slug}/responses", "post", new[] { "201", "400", "404", "409" })]
    public async Task Endpoints_declare_their_problems(string path, string method, string[] statuses)
    {
        using var admin = app.ClientFor("admin");
        var document = await admin.GetAsync("/openapi/v1.json").OkJsonAsync();
        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        var declared = responses.EnumerateObject().Select(r => r.Name).ToList();
        Assert.All(statuses, s => Assert.Contains(s, declared));
    }
}
