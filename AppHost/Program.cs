using Microsoft.Extensions.Configuration;
using Tinjau.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var unitRegistryDb = postgres.AddDatabase("unitregistrydb");
var identityDb = postgres.AddDatabase("identitydb");

var messaging = builder.AddRabbitMQ("messaging");
var cache = builder.AddRedis("cache");

var identity = builder.AddProject("identity", "services/Identity/Identity.Api/Identity.Api.csproj")
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
