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

var identity = AddDomainService<Projects.Identity_Api>(ResourceNames.Identity, identityDb).WithIdentityKeys();

var unitRegistry = AddDomainService<Projects.UnitRegistry_Api>(ResourceNames.UnitRegistry, unitRegistryDb)
    .WithReference(identity).WaitFor(identity);

// Identity checks unit bindings against the registry; no wait, since the registry validates Identity's tokens.
identity.WithReference(unitRegistry);

// Evaluations and the registry consume the complaint and sidak events: their publishers start after them, so the
// consumers' queues are bound before the first event is sent.
var evaluations = AddDomainService<Projects.Evaluations_Api>(ResourceNames.Evaluations, evaluationsDb)
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity);

var complaints = AddDomainService<Projects.Complaints_Api>(ResourceNames.Complaints, complaintsDb)
    .WithReference(unitRegistry).WaitFor(unitRegistry)
    .WithReference(identity).WaitFor(identity)
    .WaitFor(evaluations)
    .WithKeptKey("Complaints__TrackingSecretKey", "complaints-tracking-secret-key");

var inspections = AddDomainService<Projects.Inspections_Api>(ResourceNames.Inspections, inspectionsDb)
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

// A domain service: its health check, and its own database, the broker and the cache, each healthy before it starts.
IResourceBuilder<ProjectResource> AddDomainService<TProject>(string name, IResourceBuilder<IResourceWithConnectionString> database)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithHttpHealthCheck("/health")
        .WithReference(database).WaitFor(database)
        .WithReference(messaging).WaitFor(messaging)
        .WithReference(cache).WaitFor(cache);
