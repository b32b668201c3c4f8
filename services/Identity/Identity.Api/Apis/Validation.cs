namespace Tinjau.Identity.Api.Apis;

/// <summary>Problem-details helpers shared by the endpoints.</summary>
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

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    public static ProblemHttpResult UnitRegistryUnavailable() =>
        TypedResults.Problem(detail: "The unit registry cannot be reached to check the unit; try again shortly.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service Unavailable");
}
