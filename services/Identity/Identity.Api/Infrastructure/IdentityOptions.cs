namespace Tinjau.Identity.Api.Infrastructure;

/// <summary>The <c>Identity</c> configuration section.</summary>
public sealed class TinjauIdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The issuer in every token: the public address tokens are obtained through (the gateway).</summary>
    public Uri Issuer { get; set; } = new(Microsoft.Extensions.Hosting.AuthenticationExtensions.DefaultIssuer);

    /// <summary>Turns on the password grant for the development CLI client <c>tinjau-cli</c>.</summary>
    public bool EnableDevelopmentCliClient { get; set; }

    /// <summary>Seeds the demo users (always on in Development).</summary>
    public bool SeedDemoUsers { get; set; }

    /// <summary>The demo users' shared password: a local development default, set only in appsettings.Development.json.</summary>
    public string? DemoPassword { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Per service client: <c>Identity:Clients:complaints:Secret</c> etc. A client without a secret is not registered.</summary>
    public Dictionary<string, ClientOptions> Clients { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public PortalOptions Portal { get; set; } = new();

    public DemoUnitOptions DemoUnits { get; set; } = new();

    public sealed class ClientOptions
    {
        public string? Secret { get; set; }
    }

    public sealed class PortalOptions
    {
        public List<Uri> RedirectUris { get; set; } = [];

        public List<Uri> PostLogoutRedirectUris { get; set; } = [];
    }

    /// <summary>Codes of the units the demo unit-staff and unit-head users are bound to (resolved from the unit registry).</summary>
    public sealed class DemoUnitOptions
    {
        public string StaffUnitCode { get; set; } = "31.71.04.1002"; // kelurahan Kwitang

        public string HeadUnitCode { get; set; } = "31.71.04"; // kecamatan Senen
    }
}
