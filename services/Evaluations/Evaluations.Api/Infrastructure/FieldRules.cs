namespace Tinjau.Evaluations.Api.Infrastructure;

/// <summary>The checks Evaluations' endpoints apply to a field, in their wording, on the platform's <see cref="FieldErrors"/>.</summary>
public static class FieldRules
{
    public static void Required(this FieldErrors errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "Required.");
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
        }
    }

    public static void Optional(this FieldErrors errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
        }
    }

    public static void Score(this FieldErrors errors, string field, int? value, int min = 0, int max = 5)
    {
        if (value is null)
        {
            errors.Add(field, "Required.");
        }
        else if (value < min || value > max)
        {
            errors.Add(field, $"A score from {min} to {max}.");
        }
    }
}
