namespace Tinjau.Identity.Api.Apis;

/// <summary>User and role administration (admins only); every change is written to the audit log in the same transaction.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/identity").WithTags("Administration").RequireAuthorization(Policies.Admin).DisableAntiforgery();
        admin.MapGet("/users", ListAsync);
        admin.MapGet("/users/{id:guid}", GetAsync);
        admin.MapPost("/users", CreateAsync);
        admin.MapPut("/users/{id:guid}/roles", ChangeRolesAsync);
        admin.MapPost("/users/{id:guid}/lock", LockAsync);
        admin.MapPost("/users/{id:guid}/unlock", UnlockAsync);
        admin.MapGet("/audit", AuditAsync);
        // Evaluators put teams together: who can be named in one, and nothing else about them.
        app.MapGroup("/api/identity").WithTags("Directory").RequireAuthorization(Policies.Evaluator)
            .MapGet("/evaluators", EvaluatorsAsync).WithSummary("The evaluators a PEKPPP team can name (id and name only; locked accounts left out)");
        return app;
    }

    /// <summary>An evaluator as a team names them: the subject of their tokens and their display name.</summary>
    public sealed record EvaluatorResponse(Guid Id, string DisplayName);

    public static async Task<Ok<List<EvaluatorResponse>>> EvaluatorsAsync(IdentityDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var evaluators = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == TinjauRoles.Evaluator)))
            .Where(u => u.LockoutEnd == null || u.LockoutEnd <= now)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new EvaluatorResponse(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(evaluators);
    }

    public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

    public sealed record CreateUserRequest(string? Email, string? Phone, string? DisplayName, string? Password, IReadOnlyList<string>? Roles, Guid? UnitId);

    public sealed record ChangeRolesRequest(IReadOnlyList<string>? Roles, Guid? UnitId);

    public sealed record AuditEntryResponse(Guid Id, DateTimeOffset At, string ActorId, string ActorName, string Action,
        Guid TargetUserId, string TargetUserName, string Details);

    public static async Task<Results<Ok<Paged<UserResponse>>, ValidationProblem>> ListAsync(IdentityDb db, TimeProvider time,
        string? role, Guid? unitId, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (PagingErrors(page, pageSize) is { Count: > 0 } pagingErrors)
        {
            return TypedResults.ValidationProblem(pagingErrors);
        }

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(role))
        {
            var roleName = role.Trim().ToLowerInvariant();
            if (!TinjauRoles.UserRoles.Contains(roleName))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = [$"Unknown role '{role}'."] });
            }

            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == roleName)));
        }

        if (unitId is not null)
        {
            query = query.Where(u => u.UnitId == unitId);
        }

        int number = page ?? 1, size = pageSize ?? 20;
        var total = await query.CountAsync(cancellationToken);
        var users = await query.OrderBy(u => u.UserName).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(db, [.. users.Select(u => u.Id)], cancellationToken);
        var items = users.Select(u => UserResponse.From(u, roles.GetValueOrDefault(u.Id, []), time)).ToList();
        return TypedResults.Ok(new Paged<UserResponse>(items, number, size, total));
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(Guid id, UserManager<TinjauUser> users, TimeProvider time) =>
        await users.FindByIdAsync(id.ToString()) is { } user
            ? TypedResults.Ok(await UserResponse.FromAsync(user, users, time))
            : Problems.NotFound($"There is no user {id}.");

    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateUserRequest request,
        ClaimsPrincipal caller, IdentityDb db, UserManager<TinjauUser> users, IUnitRegistryClient units, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = RoleAssignment.Validate(request.Roles, request.UnitId, out var assignment);
        SignInName name = default;
        var hasEmail = !string.IsNullOrWhiteSpace(request.Email);
        if (hasEmail ? !SignInName.TryParseEmail(request.Email, out name) : !SignInName.TryParsePhone(request.Phone, out name))
        {
            errors[hasEmail ? "email" : "phone"] = [hasEmail ? "This is not a valid email address." : "Give a valid email address or phone number."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200)
        {
            errors["displayName"] = ["A display name of at most 200 characters is required."];
        }

        if (await Validation.PasswordErrorsAsync(users, request.Password) is { Length: > 0 } passwordErrors)
        {
            errors["password"] = passwordErrors;
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await CheckUnitAsync(assignment!, units, cancellationToken) is { } unitProblem)
        {
            return unitProblem;
        }

        if (await users.FindByNameAsync(name.Value) is not null)
        {
            return Problems.Conflict($"An account for {name.Value} already exists.");
        }

        var user = TinjauUser.Create(name, request.DisplayName!, time.GetUtcNow());
        user.BindToUnit(assignment!.UnitId);
        return await InTransactionAsync<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                return created.Errors.Any(Validation.IsDuplicate)
                    ? Problems.Conflict($"An account for {name.Value} already exists.")
                    : TypedResults.ValidationProblem(Validation.ToFieldErrors(created.Errors));
            }

            await users.AddToRolesAsync(user, assignment.Roles);
            db.AuditEntries.Add(AuditEntry.Record(ActorOf(caller), AuditActions.UserCreated, user,
                $"roles [{string.Join(", ", assignment.Roles.Order())}]; unit {Describe(assignment.UnitId)}", time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/identity/users/{user.Id}", UserResponse.From(user, [.. assignment.Roles.Order()], time));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> ChangeRolesAsync(Guid id, ChangeRolesRequest request,
        ClaimsPrincipal caller, IdentityDb db, UserManager<TinjauUser> users, IUnitRegistryClient units, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Problems.NotFound($"There is no user {id}.");
        }

        var errors = RoleAssignment.Validate(request.Roles, request.UnitId, out var assignment);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var current = (await users.GetRolesAsync(user)).Order().ToList();
        if (IsCaller(caller, user) && !assignment!.Roles.Contains(TinjauRoles.Admin))
        {
            return Problems.Conflict("Admins cannot remove their own admin role; ask another admin.");
        }

        if (current.Contains(TinjauRoles.Citizen) != assignment!.Roles.Contains(TinjauRoles.Citizen))
        {
            return Problems.Conflict("A citizen account cannot become a government account or the other way round; create a separate account.");
        }

        if (assignment.UnitId != user.UnitId && await CheckUnitAsync(assignment, units, cancellationToken) is { } unitProblem)
        {
            return unitProblem;
        }

        var before = $"roles [{string.Join(", ", current)}]; unit {Describe(user.UnitId)}";
        var after = $"roles [{string.Join(", ", assignment.Roles.Order())}]; unit {Describe(assignment.UnitId)}";
        return await InTransactionAsync<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>>(db, async () =>
        {
            await users.RemoveFromRolesAsync(user, current.Except(assignment.Roles));
            await users.AddToRolesAsync(user, assignment.Roles.Except(current));
            user.BindToUnit(assignment.UnitId);
            await users.UpdateSecurityStampAsync(user); // also saves the unit binding
            db.AuditEntries.Add(AuditEntry.Record(ActorOf(caller), AuditActions.RolesChanged, user, $"{before} → {after}", time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(UserResponse.From(user, [.. assignment.Roles.Order()], time));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> LockAsync(Guid id, ClaimsPrincipal caller, IdentityDb db,
        UserManager<TinjauUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Problems.NotFound($"There is no user {id}.");
        }

        if (IsCaller(caller, user))
        {
            return Problems.Conflict("Admins cannot lock their own account.");
        }

        return await InTransactionAsync<Results<Ok<UserResponse>, ProblemHttpResult>>(db, async () =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user); // ends the user's sign-in sessions
            db.AuditEntries.Add(AuditEntry.Record(ActorOf(caller), AuditActions.Locked, user, "locked until unlocked by an admin", time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(await UserResponse.FromAsync(user, users, time));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UnlockAsync(Guid id, ClaimsPrincipal caller, IdentityDb db,
        UserManager<TinjauUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Problems.NotFound($"There is no user {id}.");
        }

        return await InTransactionAsync<Results<Ok<UserResponse>, ProblemHttpResult>>(db, async () =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            db.AuditEntries.Add(AuditEntry.Record(ActorOf(caller), AuditActions.Unlocked, user, "unlocked; failed sign-in count reset", time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(await UserResponse.FromAsync(user, users, time));
        }, cancellationToken);
    }

    public static async Task<Results<Ok<Paged<AuditEntryResponse>>, ValidationProblem>> AuditAsync(IdentityDb db, Guid? targetUserId,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (PagingErrors(page, pageSize) is { Count: > 0 } pagingErrors)
        {
            return TypedResults.ValidationProblem(pagingErrors);
        }

        var query = db.AuditEntries.AsNoTracking();
        if (targetUserId is not null)
        {
            query = query.Where(a => a.TargetUserId == targetUserId);
        }

        int number = page ?? 1, size = pageSize ?? 50;
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((number - 1) * size).Take(size)
            .Select(a => new AuditEntryResponse(a.Id, a.At, a.ActorId, a.ActorName, a.Action, a.TargetUserId, a.TargetUserName, a.Details))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new Paged<AuditEntryResponse>(items, number, size, total));
    }

    private static Dictionary<string, string[]> PagingErrors(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (pageSize is < 1 or > 200)
        {
            errors["pageSize"] = ["Between 1 and 200."];
        }

        return errors;
    }

    private static async Task<ProblemHttpResult?> CheckUnitAsync(RoleAssignment assignment, IUnitRegistryClient units, CancellationToken cancellationToken)
    {
        if (assignment.UnitId is not { } unitId)
        {
            return null;
        }

        // A registry that cannot be reached throws UnitRegistryUnavailableException: the platform's 503 with Retry-After.
        return await units.GetUnitAsync(unitId, cancellationToken) is not null
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "One or more validation errors occurred.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["unitId"] = [$"Unit {unitId} is not in the unit registry."] } });
    }

    private static async Task<Dictionary<Guid, List<string>>> RolesOfAsync(IdentityDb db, List<Guid> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where userIds.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name!).Order().ToList());
    }

    private static async Task<T> InTransactionAsync<T>(IdentityDb db, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await work();
            if (StatusOf(result) is >= 200 and < 300)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        });
    }

    private static int? StatusOf(object? result) => result switch
    {
        INestedHttpResult nested => StatusOf(nested.Result),
        IStatusCodeHttpResult withStatus => withStatus.StatusCode,
        _ => null,
    };

    private static bool IsCaller(ClaimsPrincipal caller, TinjauUser user) =>
        caller.FindFirst(TinjauClaims.Subject)?.Value == user.Id.ToString();

    private static Actor ActorOf(ClaimsPrincipal caller) =>
        new(caller.FindFirst(TinjauClaims.Subject)?.Value ?? "unknown",
            caller.FindFirst(TinjauClaims.Name)?.Value ?? caller.FindFirst("preferred_username")?.Value ?? "unknown");

    private static string Describe(Guid? unitId) => unitId?.ToString() ?? "none";
}
