using Microsoft.Extensions.Hosting;
using Tinjau.Hosting;
using Tinjau.Hosting.Publishing;

var builder = DistributedApplication.CreateBuilder(args);

// Servers: executables from the OS packages when run here, Aspire's own resources when published, or an existing
// server when its connection string is given (ConnectionStrings__postgres=…).
var postgres = builder.AddTinjauPostgres(ResourceNames.Postgres);
var unitRegistryDb = postgres.AddDatabase(ResourceNames.UnitRegistryDb);
var identityDb = postgres.AddDatabase(ResourceNames.IdentityDb);
var complaintsDb = postgres.AddDatabase(ResourceNames.ComplaintsDb);
var evaluationsDb = postgres.AddDatabase(ResourceNames.EvaluationsDb);
var inspectionsDb = postgres.AddDatabase(ResourceNames.InspectionsDb);
var messaging = builder.AddTinjauRabbitMQ(ResourceNames.Messaging);
var cache = builder.AddTinjauRedis(ResourceNames.Cache);

var identity = builder.AddProject<Projects.Identity_Api>(ResourceNames.Identity)
    .WithHttpHealthCheck("/health")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithIdentityKeys();

var unitRegistry = builder.AddProject<Projects.UnitRegistry_Api>(ResourceNames.UnitRegistry)
    .WithHttpHealthCheck("/health")
    .WithReference(unitRegistryDb).WaitFor(unitRegistryDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(identity).WaitFor(identity);

// Identity checks unit bindings against the registry; no wait, since the registry validates Identity's tokens.
identity.WithReference(unitRegistry);

// Evaluations and the registry consume the complaint and sidak events: their publishers start after them, so the
// consumers' queues are bound before the first event is sent.
var evaluations = builder.AddProject<Projects.Evaluations_Api>(ResourceNames.Evaluations)
    .WithHttpHealthCheck("/health")
    .WithReference(evaluationsDb).WaitFor(evaluationsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity);

var complaints = builder.AddProject<Projects.Complaints_Api>(ResourceNames.Complaints)
    .WithHttpHealthCheck("/health")
    .WithReference(complaintsDb).WaitFor(complaintsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity)
    .WaitFor(evaluations)
    .WithKeptKey("Complaints__TrackingSecretKey", "complaints-tracking-secret-key");

var inspections = builder.AddProject<Projects.Inspections_Api>(ResourceNames.Inspections)
    .WithHttpHealthCheck("/health")
    .WithReference(inspectionsDb).WaitFor(inspectionsDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(cache).WaitFor(cache)
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity)
    .WaitFor(evaluations);

var gateway = builder.AddProject<Projects.Gateway>(ResourceNames.Gateway)
    .WithHttpHealthCheck("/health")
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity)
    .WithReference(complaints).WaitFor(complaints)
    .WithReference(evaluations).WaitFor(evaluations)
    .WithReference(inspections).WaitFor(inspections)
    .WithExternalHttpEndpoints();

// The citizens' portal: served through the gateway, calling the APIs through it.
var portal = builder.AddProject<Projects.Portal_Web>(ResourceNames.Portal)
    .WithHttpHealthCheck("/health")
    .WithReference(gateway);
gateway.WithReference(portal).WaitFor(portal)
    .WithTrustedForwarder(portal, TrustedForwarder.KeyEnvironment); // limits count each citizen, not the portal
identity.WithReference(gateway); // local runs: the portal's sign-in returns to the gateway's actual address

// A service that crashes is started again like the servers (Kubernetes does the same from its probes).
foreach (var project in new[] { identity, unitRegistry, evaluations, complaints, inspections, gateway, portal })
{
    project.RestartWhenCrashed();
}

builder.WithPublicIssuer(gateway);
builder.ExportTelemetryBeforeShutdown();
builder.AddKubernetesManifests();

builder.Build().Run();
