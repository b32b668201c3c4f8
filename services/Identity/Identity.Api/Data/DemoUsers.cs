namespace Tinjau.Identity.Api.Data;

/// <summary>
/// One demo user per role, for local runs only (Development, or <c>Identity:SeedDemoUsers=true</c>). They share
/// <c>Identity:DemoPassword</c>, a local development default from appsettings.Development.json.
/// </summary>
public static class DemoUsers
{
    public sealed record DemoUser(string Email, string DisplayName, string Role, DemoUnit Unit = DemoUnit.None);

    /// <summary>StaffUnit: the demo kelurahan (Kwitang), also the demo PEKPPP lokus; HeadUnit: its kecamatan (Senen).</summary>
    public enum DemoUnit { None, StaffUnit, HeadUnit }

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("admin@tinjau.local", "Admin Tinjau", TinjauRoles.Admin),
        new("ops@tinjau.local", "Operasional", TinjauRoles.Ops),
        new("leadership@tinjau.local", "Pimpinan Kota", TinjauRoles.Leadership),
        new("complaint-admin@tinjau.local", "Admin Koordinator Pengaduan", TinjauRoles.ComplaintAdmin),
        new("satgas@tinjau.local", "Satgas Sidak", TinjauRoles.Satgas),
        new("evaluator@tinjau.local", "Tim Evaluator", TinjauRoles.Evaluator),
        new("citizen@tinjau.local", "Warga Demo", TinjauRoles.Citizen),
        new("staff.kwitang@tinjau.local", "Petugas Kelurahan Kwitang", TinjauRoles.UnitStaff, DemoUnit.StaffUnit),
        new("head.senen@tinjau.local", "Camat Senen", TinjauRoles.UnitHead, DemoUnit.HeadUnit),
        // The head of the demo lokus, who signs its berita acara as head-of-unit.
        new("lurah.kwitang@tinjau.local", "Lurah Kwitang", TinjauRoles.UnitHead, DemoUnit.StaffUnit),
    ];

    /// <summary>
    /// Creates the missing demo users. Unit-bound ones are created only when <paramref name="unitIds"/> has their unit.
    /// Returns whether every demo user now exists.
    /// </summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, TinjauIdentityOptions options,
        IReadOnlyDictionary<DemoUnit, Guid>? unitIds, ILogger logger)
    {
        if (string.IsNullOrEmpty(options.DemoPassword))
        {
            logger.LogWarning("Identity:DemoPassword is not set; demo users are not seeded");
            return true;
        }

        var users = services.GetRequiredService<UserManager<TinjauUser>>();
        var time = services.GetRequiredService<TimeProvider>();
        var complete = true;
        foreach (var demo in All)
        {
            if (await users.FindByNameAsync(demo.Email) is not null)
            {
                continue;
            }

            Guid? unitId = null;
            if (demo.Unit != DemoUnit.None)
            {
                if (unitIds is null || !unitIds.TryGetValue(demo.Unit, out var id))
                {
                    complete = false;
                    continue;
                }

                unitId = id;
            }

            SignInName.TryParseEmail(demo.Email, out var name);
            var user = TinjauUser.Create(name, demo.DisplayName, time.GetUtcNow());
            user.EmailConfirmed = true;
            user.BindToUnit(unitId);
            var created = await users.CreateAsync(user, options.DemoPassword);
            if (!created.Succeeded)
            {
                if (created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
                {
                    continue; // another instance seeded it at the same time
                }

                throw new InvalidOperationException($"Cannot seed demo user {demo.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, demo.Role);
            logger.LogInformation("Seeded demo user {Email} ({Role})", demo.Email, demo.Role);
        }

        return complete;
    }
}
