using Microsoft.Extensions.Configuration;
using Tinjau.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var unitRegistryDb = postgres.AddDatabase("unitregistrydb");
var identityDb = postgres.AddDatabase("identitydb");

var messaging = builder.AddRabbitMQ("messaging");
var cache = builder.AddRedis("cache");

// Local runs keep Identity's generated signing keys with the rest of the state, so tokens survive a restart.
var stateDirectory = AppHostOptions.From(builder.Configuration).StateDirectory;

var identity = builder.AddProject("identity", "services/Identity/Identity.Api/Identity.Api.csproj")
    .WithEnvironment("Identity__KeysPath", Path.Combine(stateDirectory, "identity-keys"))
    .WithReference(identityDb).WaitFor(identityDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache);

var unitRegistry = builder.AddProject("unitregistry", "services/UnitRegistry/UnitRegistry.Api/UnitRegistry.Api.csproj")
    .WithReference(unitRegistryDb).WaitFor(unitRegistryDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(identity).WaitFor(identity);

// Identity checks unit bindings against the registry; no wait, since the registry validates Identity's tokens.
identity.WithReference(unitRegistry);

builder.AddProject("gateway", "gateway/Gateway.csproj")
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity)
    .WithExternalHttpEndpoint(builder.Configuration.GetValue("AppHost:GatewayPort", 8080));

await builder.Build().RunAsync();
