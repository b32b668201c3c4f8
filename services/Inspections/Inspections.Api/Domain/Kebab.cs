namespace Tinjau.Inspections.Api.Domain;

/// <summary>The kebab-case names the API uses for enum values (not-applicable, absent-without-reason, …).</summary>
public static class Kebab
{
    public static string Of(string pascal) => JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);

    public static string Of<T>(T value) where T : struct, Enum => Of(value.ToString());

    public static bool TryParse<T>(string? value, out T result) where T : struct, Enum
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var v = value.Trim().ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == v)
            {
                result = candidate;
                return true;
            }
        }
        return false;
    }

    /// <summary>A value already checked with <see cref="TryParse{T}"/>.</summary>
    public static T Parse<T>(string? value) where T : struct, Enum =>
        TryParse<T>(value, out var result) ? result : throw new InvalidOperationException($"'{value}' was validated as a {typeof(T).Name}.");

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Of));
}
