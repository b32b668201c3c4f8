namespace Tinjau.Identity.Api.Domain;

/// <summary>
/// A person who signs in to Tinjau: a citizen (warga) who registered with an email address or a phone
/// number, or a government user created by an admin. Unit-bound roles (unit-staff, unit-head) need
/// <see cref="UnitId"/>, the unit (UKPD) in the unit registry.
/// </summary>
public sealed class TinjauUser : IdentityUser<Guid>
{
    private TinjauUser()
    {
    }

    public string DisplayName { get; private set; } = "";

    public Guid? UnitId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static TinjauUser Create(SignInName signInName, string displayName, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        UserName = signInName.Value,
        Email = signInName.IsEmail ? signInName.Value : null,
        EmailConfirmed = false,
        PhoneNumber = signInName.IsEmail ? null : signInName.Value,
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? signInName.Value : displayName.Trim(),
        CreatedAt = at,
        LockoutEnabled = true,
        SecurityStamp = Guid.NewGuid().ToString("N"),
    };

    public void BindToUnit(Guid? unitId) => UnitId = unitId;

    public bool IsLockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}

/// <summary>The name a user signs in with: a lower-cased email address or an E.164 phone number (+62…).</summary>
public readonly record struct SignInName(string Value, bool IsEmail)
{
    public override string ToString() => Value;

    public static bool TryParseEmail(string? input, out SignInName name)
    {
        name = default;
        var value = input?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(value) || value.Length > 254 || value.Any(char.IsWhiteSpace)
            || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(value)
            || value.IndexOf('.', value.IndexOf('@')) < 0)
        {
            return false;
        }

        name = new SignInName(value, IsEmail: true);
        return true;
    }

    /// <summary>Accepts Indonesian numbers as 08…, 628… or +628… (spaces and dashes allowed) and other +country numbers.</summary>
    public static bool TryParsePhone(string? input, out SignInName name)
    {
        name = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var trimmed = input.Trim();
        var digits = new string(trimmed.Where(c => c is not (' ' or '-' or '(' or ')')).ToArray());
        var plus = digits.StartsWith('+');
        if (plus)
        {
            digits = digits[1..];
        }

        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!plus && digits.StartsWith('0'))
        {
            digits = "62" + digits[1..];
        }

        if (digits.Length is < 9 or > 15 || digits.StartsWith('0'))
        {
            return false;
        }

        name = new SignInName("+" + digits, IsEmail: false);
        return true;
    }

    /// <summary>Whatever a user typed at sign-in: an email address or a phone number.</summary>
    public static bool TryParse(string? input, out SignInName name) =>
        input?.Contains('@') == true ? TryParseEmail(input, out name) : TryParsePhone(input, out name);
}
