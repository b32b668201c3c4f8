using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;
using Tinjau.Identity.Api.Apis;
using Tinjau.Identity.Api.Data;
using Tinjau.Identity.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<IdentityDb>(ResourceNames.IdentityDb);
builder.AddTinjauIdentityServer();
builder.Services.AddAntiforgery();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);
builder.Services.AddOpenApi();
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    // Behind the gateway: the discovery document then names the public host (the issuer stays fixed by configuration).
    options.ForwardedHeaders = ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto;
});
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddDataProtection().PersistKeysToFileSystem(
        new DirectoryInfo(Path.Combine(SigningKeys.KeysPath(builder.Configuration, builder.Environment), "data-protection")));
}

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages(OpenIddictErrors.WriteProblemAsync);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapConnectApi();
app.MapAccountApi();
app.MapIdentityApi();
app.MapUsersApi();

await app.MigrateDbContextAsync<IdentityDb>(IdentitySeed.SeedAsync);
await app.RunAsync();

public partial class Program;
