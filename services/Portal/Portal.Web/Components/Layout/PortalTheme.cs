using MudBlazor;

namespace Tinjau.Portal.Web.Components.Layout;

/// <summary>Colours chosen for WCAG AA contrast on white (primary #0b5cad is 6.4:1; error #b3261e is 6.5:1).</summary>
public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b5cad",
            Secondary = "#6b4e16",
            Error = "#b3261e",
            Success = "#1d6b33",
            Warning = "#7a4b00",
            Info = "#0b5cad",
            TextPrimary = "#1b1b1f",
            TextSecondary = "#44474e",
            AppbarBackground = "#0b5cad",
        },
    };
}
