namespace Tinjau.Inspections.Api.Application;

/// <summary>The checks Inspections' operations apply to a field, in their wording, on the platform's <see cref="FieldErrors"/>.</summary>
public static class FieldRules
{
    public static string? Required(this FieldErrors errors, string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters");
            return null;
        }
        return value.Trim();
    }

    public static string? Optional(this FieldErrors errors, string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (value.Length > maxLength)
        {
            errors.Add(field, $"must be at most {maxLength} characters");
            return null;
        }
        return value.Trim();
    }

    /// <summary>A value already checked as one of <typeparamref name="T"/>'s kebab-case names.</summary>
    public static T Parse<T>(string? value) where T : struct, Enum =>
        Kebab.TryParse<T>(value, out var result) ? result : throw new InvalidOperationException($"'{value}' was validated as a {typeof(T).Name}.");

    /// <summary>Trimmed, or null when blank.</summary>
    public static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
