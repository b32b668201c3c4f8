using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Tinjau.Portal.Web.Services;

namespace Tinjau.Portal.BrowserTests;

/// <summary>Pure logic, no browser: the server-side session store hands each request a ticket of its own.</summary>
public sealed class TicketStoreTests
{
    [Fact]
    public async Task A_request_refreshing_its_tokens_changes_neither_the_stored_ticket_nor_another_requests_copy()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var store = new MemoryTicketStore(cache);
        var properties = new AuthenticationProperties();
        properties.StoreTokens([new AuthenticationToken { Name = "access_token", Value = "first" }]);
        var signedIn = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "citizen")], "cookie")), properties, "Cookies");
        var key = await store.StoreAsync(signedIn);
        signedIn.Properties.UpdateTokenValue("access_token", "changed by the sign-in request afterwards");

        var refreshing = await store.RetrieveAsync(key);
        var reading = await store.RetrieveAsync(key);
        Assert.NotSame(refreshing, reading);
        refreshing!.Properties.StoreTokens([new AuthenticationToken { Name = "access_token", Value = "second" }]);

        Assert.Equal("first", reading!.Properties.GetTokenValue("access_token"));
        Assert.Equal("first", (await store.RetrieveAsync(key))!.Properties.GetTokenValue("access_token"));
        await store.RenewAsync(key, refreshing);
        Assert.Equal("second", (await store.RetrieveAsync(key))!.Properties.GetTokenValue("access_token"));
    }
}
