namespace Tinjau;

/// <summary>How the platform reads free text from a request.</summary>
public static class RequestText
{
    /// <summary>Trimmed, or null when blank.</summary>
    public static string? Trimmed(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
