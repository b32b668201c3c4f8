namespace Tinjau.Identity.Api.Apis;

/// <summary>ASP.NET Core Identity's errors as the platform's field errors (problems themselves come from <c>Problems</c>).</summary>
internal static class Validation
{
    public static async Task<string[]> PasswordErrorsAsync(UserManager<TinjauUser> users, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["A password is required."];
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, null!, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return [.. errors];
    }

    public static bool IsDuplicate(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail);

    public static Dictionary<string, string[]> ToFieldErrors(IEnumerable<IdentityError> errors) => errors
        .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
            : e.Code.Contains("Email", StringComparison.Ordinal) ? "email"
            : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "user")
        .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
