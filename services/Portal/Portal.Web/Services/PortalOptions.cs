namespace Tinjau.Portal.Web.Services;

/// <summary><c>Portal</c> in configuration.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// Where the platform's APIs are: the gateway, by its service-discovery name (<c>services__gateway__http__0</c>
    /// gives the address) or an absolute URL.
    /// </summary>
    public string GatewayUrl { get; set; } = "http://gateway";

    /// <summary>
    /// A map tile URL template (<c>https://tile.example/{z}/{x}/{y}.png</c>). Empty: the map has no background and
    /// the pin is placed by click, arrow keys, "use my location" or the address field.
    /// </summary>
    public string TileUrl { get; set; } = "";

    public string TileAttribution { get; set; } = "";

    public MapCenterOptions MapCenter { get; set; } = new();

    /// <summary>The OpenID Connect client the portal signs citizens in as (authorization code + PKCE).</summary>
    public string ClientId { get; set; } = "tinjau-portal";

    /// <summary>How long before a citizen's access token expires the portal fetches a new one with the refresh token.</summary>
    public TimeSpan RefreshTokensBefore { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The chromium that prints the berita acara PDF (Debian's package; <c>./run.sh</c> installs it when missing).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    public sealed class MapCenterOptions
    {
        public double Latitude { get; set; } = -6.1805;
        public double Longitude { get; set; } = 106.8284;
        public int Zoom { get; set; } = 14;
    }
}
