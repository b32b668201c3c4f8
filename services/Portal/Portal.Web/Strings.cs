namespace Tinjau.Portal.Web;

/// <summary>
/// Marker for the portal's user-facing text: <c>Resources/Strings.resx</c> (Indonesian, the default) and
/// <c>Resources/Strings.en.resx</c> (English).
/// </summary>
public sealed class Strings;
