using Microsoft.Extensions.Configuration;
using Tinjau.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var unitRegistryDb = postgres.AddDatabase("unitregistrydb");
var identityDb = postgres.AddDatabase("identitydb");
var complaintsDb = postgres.AddDatabase("complaintsdb");
var evaluationsDb = postgres.AddDatabase("evaluationsdb");
var inspectionsDb = postgres.AddDatabase("inspectionsdb");

var messaging = builder.AddRabbitMQ("messaging");
var cache = builder.AddRedis("cache");

// Local runs keep Identity's generated signing keys with the rest of the state, so tokens survive a restart.
var stateDirectory = AppHostOptions.From(builder.Configuration).StateDirectory;

// Elsewhere Identity's token signing and encryption keys (PEM) are parameters: a Secret in Kubernetes.
var signingKey = builder.AddParameter("identity-signing-key", secret: true);
var encryptionKey = builder.AddParameter("identity-encryption-key", secret: true);

var identity = builder.AddProject("identity", "services/Identity/Identity.Api/Identity.Api.csproj")
    .WithEnvironment("Identity__KeysPath", Path.Combine(stateDirectory, "identity-keys"))
    .WithEnvironment("Identity__SigningKey__Pem", signingKey)
    .WithEnvironment("Identity__EncryptionKey__Pem", encryptionKey)
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

// Evaluations and the registry consume the complaint and sidak events: their publishers start after them, so the
// consumers' queues are bound before the first event is sent.
var evaluations = builder.AddProject("evaluations", "services/Evaluations/Evaluations.Api/Evaluations.Api.csproj")
    .WithReference(evaluationsDb).WaitFor(evaluationsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity);

var complaints = builder.AddProject("complaints", "services/Complaints/Complaints.Api/Complaints.Api.csproj")
    .WithReference(complaintsDb).WaitFor(complaintsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity)
    .WaitFor(evaluations);

var inspections = builder.AddProject("inspections", "services/Inspections/Inspections.Api/Inspections.Api.csproj")
    .WithReference(inspectionsDb).WaitFor(inspectionsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity)
    .WaitFor(evaluations);

var gateway = builder.AddProject("gateway", "gateway/Gateway.csproj")
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity)
    .WithReference(complaints).WaitFor(complaints)
    .WithReference(evaluations).WaitFor(evaluations)
    .WithReference(inspections).WaitFor(inspections)
    .WithExternalHttpEndpoint(builder.Configuration.GetValue("AppHost:GatewayPort", 8080));

// The citizens' portal: served through the gateway, calling the APIs through it.
var portal = builder.AddProject("portal", "services/Portal/Portal.Web/Portal.Web.csproj")
    .WithReference(gateway);
gateway.WithReference(portal);
identity.WithReference(gateway); // local runs: the portal's sign-in returns to the gateway's actual address

await builder.Build().RunAsync();
