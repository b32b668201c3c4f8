using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Tinjau.Identity.Api.Data;

/// <summary>Users and roles (ASP.NET Core Identity), OpenIddict's applications/scopes/tokens, and the audit log.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options)
    : IdentityDbContext<TinjauUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        builder.Entity<TinjauUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasIndex(u => u.UnitId);
            user.HasIndex(u => u.PhoneNumber);
        });

        builder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("AuditEntries");
            audit.HasKey(a => a.Id);
            audit.HasMaxLength(64, a => a.Action).HasMaxLength(200, a => a.ActorId).HasMaxLength(256, a => a.ActorName, a => a.TargetUserName);
            audit.HasMaxLength(2000, a => a.Details);
            audit.HasIndex(a => a.At);
            audit.HasIndex(a => a.TargetUserId);
        });
    }
}

public sealed class IdentityDbDesignTimeFactory() : DesignTimeDatabase<IdentityDb>("identitydb", o => new(o));
