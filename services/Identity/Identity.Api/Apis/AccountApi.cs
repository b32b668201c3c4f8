using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Tinjau.Identity.Api.Apis;

/// <summary>The minimal server-rendered sign-in form used by the authorization code flow.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapGet("/login", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            LoginPage(context, antiforgery, returnUrl, userName: null, error: null, StatusCodes.Status200OK));
        account.MapPost("/login", LoginAsync);
        account.MapPost("/logout", async (SignInManager<TinjauUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, IAntiforgery antiforgery, SignInManager<TinjauUser> signIn,
        UserManager<TinjauUser> users, [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var user = SignInName.TryParse(userName, out var name) ? await users.FindByNameAsync(name.Value) : null;
        if (user is null)
        {
            return LoginPage(context, antiforgery, returnUrl, userName, "The email/phone or password is not valid.", StatusCodes.Status400BadRequest);
        }

        var result = await signIn.PasswordSignInAsync(user, password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return LoginPage(context, antiforgery, returnUrl, userName, "The account is locked out. Try again in 15 minutes.", StatusCodes.Status400BadRequest);
        }

        if (!result.Succeeded)
        {
            return LoginPage(context, antiforgery, returnUrl, userName, "The email/phone or password is not valid.", StatusCodes.Status400BadRequest);
        }

        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));

    private static ContentHttpResult LoginPage(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? userName, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var errorHtml = error is null ? "" : $"<p role=\"alert\" class=\"error\">{html.Encode(error)}</p>";
        var page = $$"""
            <!doctype html>
            <html lang="id">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Masuk · Tinjau</title>
            <style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}
            label,input,button{display:block;width:100%;margin:.4rem 0}input{padding:.5rem}button{padding:.6rem}.error{color:#b00020}</style>
            </head>
            <body>
            <h1>Masuk ke Tinjau</h1>
            {{errorHtml}}
            <form method="post" action="/account/login">
              <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? "")}}">
              <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl ?? "/")}}">
              <label for="userName">Email atau nomor HP</label>
              <input id="userName" name="userName" autocomplete="username" required value="{{html.Encode(userName ?? "")}}">
              <label for="password">Kata sandi</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">Masuk</button>
            </form>
            </body>
            </html>
            """;
        return TypedResults.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}
