namespace Tinjau.Identity.Api.Apis;

/// <summary>Citizen self-registration and the caller's own profile.</summary>
public static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var identity = app.MapGroup("/api/identity").WithTags("Identity");
        identity.MapPost("/register", RegisterAsync).AllowAnonymous().DisableAntiforgery();
        identity.MapGet("/me", MeAsync).RequireAuthorization(Policies.Authenticated);
        return app;
    }

    /// <summary>A citizen (warga) registers with an email address or a phone number, and a password.</summary>
    public sealed record RegisterRequest(string? Email, string? Phone, string? Password, string? DisplayName);

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, UserManager<TinjauUser> users, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        SignInName name = default;
        var hasEmail = !string.IsNullOrWhiteSpace(request.Email);
        var hasPhone = !string.IsNullOrWhiteSpace(request.Phone);
        if (hasEmail == hasPhone)
        {
            errors["email"] = ["Give either an email address or a phone number."];
        }
        else if (hasEmail && !SignInName.TryParseEmail(request.Email, out name))
        {
            errors["email"] = ["This is not a valid email address."];
        }
        else if (hasPhone && !SignInName.TryParsePhone(request.Phone, out name))
        {
            errors["phone"] = ["This is not a valid phone number (e.g. 0812-3456-7890 or +6281234567890)."];
        }

        if (request.DisplayName is { Length: > 200 })
        {
            errors["displayName"] = ["At most 200 characters."];
        }

        var passwordErrors = await Validation.PasswordErrorsAsync(users, request.Password);
        if (passwordErrors.Length > 0)
        {
            errors["password"] = passwordErrors;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await users.FindByNameAsync(name.Value) is not null)
        {
            return Problems.Conflict($"An account for {name.Value} already exists.");
        }

        var user = TinjauUser.Create(name, request.DisplayName ?? "", time.GetUtcNow());
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return created.Errors.Any(Validation.IsDuplicate)
                ? Problems.Conflict($"An account for {name.Value} already exists.")
                : TypedResults.ValidationProblem(Validation.ToFieldErrors(created.Errors));
        }

        await users.AddToRoleAsync(user, TinjauRoles.Citizen);
        return TypedResults.Created($"/api/identity/me", await UserResponse.FromAsync(user, users, time));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> MeAsync(ClaimsPrincipal principal,
        UserManager<TinjauUser> users, TimeProvider time)
    {
        var user = principal.FindFirst(TinjauClaims.Subject)?.Value is { } id ? await users.FindByIdAsync(id) : null;
        return user is null
            ? Problems.NotFound("The token's subject is not a user (client-credentials tokens have no profile).")
            : TypedResults.Ok(await UserResponse.FromAsync(user, users, time));
    }
}

/// <summary>A user as the API shows it.</summary>
public sealed record UserResponse(Guid Id, string UserName, string DisplayName, string? Email, string? Phone, IReadOnlyList<string> Roles,
    Guid? UnitId, bool LockedOut, DateTimeOffset? LockoutEnd, DateTimeOffset CreatedAt)
{
    public static async Task<UserResponse> FromAsync(TinjauUser user, UserManager<TinjauUser> users, TimeProvider time) =>
        From(user, [.. (await users.GetRolesAsync(user)).Order()], time);

    public static UserResponse From(TinjauUser user, IReadOnlyList<string> roles, TimeProvider time) =>
        new(user.Id, user.UserName ?? "", user.DisplayName, user.Email, user.PhoneNumber, roles, user.UnitId,
            user.IsLockedOut(time.GetUtcNow()), user.LockoutEnd, user.CreatedAt);
}
