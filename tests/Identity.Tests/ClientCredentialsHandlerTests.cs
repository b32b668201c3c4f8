using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tinjau.Identity.Tests;

/// <summary>How a service calls another: <see cref="AuthenticationExtensions.AddClientCredentialsTokenHandler"/> against this Identity service.</summary>
[Collection(IdentityCollection.Name)]
public sealed class ClientCredentialsHandlerTests(IdentityFixture fixture)
{
    [Fact]
    public async Task The_handler_takes_one_token_for_its_client_and_scope_and_sends_it_with_every_call()
    {
        var sent = new List<string?>();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:Issuer"] = "http://localhost:8080/",
            ["services:identity:http:0"] = "http://localhost/",
            ["Identity:Clients:complaints:Secret"] = "dev-only-complaints-secret",
        }).Build());
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        // OpenIddict takes only an HttpClientHandler as the primary handler: one that hands the request to the test server.
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new ToTestServer(fixture.Factory.Server.CreateHandler())));
        services.AddHttpClient("registry").AddClientCredentialsTokenHandler("complaints", "unitregistry")
            .ConfigurePrimaryHttpMessageHandler(() => new Recorder(sent));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("registry");

        (await client.GetAsync("http://unitregistry/api/units")).Dispose();
        (await client.GetAsync("http://unitregistry/api/units")).Dispose();

        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0], sent[1]); // cached
        var token = IdentityFixture.Read(sent[0]!);
        Assert.Equal(["unitregistry"], token.Audiences);
        Assert.Equal("complaints", token.Subject);
        Assert.Equal("http://localhost:8080/", token.Issuer);
    }

    private sealed class ToTestServer(HttpMessageHandler server) : HttpClientHandler
    {
        private readonly HttpMessageInvoker invoker = new(server);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            invoker.SendAsync(request, cancellationToken);
    }

    private sealed class Recorder(List<string?> sent) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
            sent.Add(request.Headers.Authorization?.Parameter);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = request });
        }
    }
}
