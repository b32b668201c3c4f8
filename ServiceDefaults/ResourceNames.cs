namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The names of the platform's resources, shared by the AppHost (which declares them), the services (connection
/// strings <c>ConnectionStrings:&lt;name&gt;</c>, service discovery <c>http://&lt;name&gt;</c>) and the tests.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";
    public const string Cache = "cache";

    public const string UnitRegistryDb = "unitregistrydb";
    public const string IdentityDb = "identitydb";
    public const string ComplaintsDb = "complaintsdb";
    public const string InspectionsDb = "inspectionsdb";
    public const string EvaluationsDb = "evaluationsdb";

    public const string Identity = "identity";
    public const string UnitRegistry = "unitregistry";
    public const string Complaints = "complaints";
    public const string Inspections = "inspections";
    public const string Evaluations = "evaluations";
    public const string Gateway = "gateway";
    public const string Portal = "portal";
}
