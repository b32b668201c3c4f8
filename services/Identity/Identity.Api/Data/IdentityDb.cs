using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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
            audit.Property(a => a.ActorId).HasMaxLength(200);
            audit.Property(a => a.ActorName).HasMaxLength(256);
            audit.Property(a => a.Action).HasMaxLength(64);
            audit.Property(a => a.TargetUserName).HasMaxLength(256);
            audit.Property(a => a.Details).HasMaxLength(2000);
            audit.HasIndex(a => a.At);
            audit.HasIndex(a => a.TargetUserId);
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the model without starting the service.</summary>
public sealed class IdentityDbDesignTimeFactory : IDesignTimeDbContextFactory<IdentityDb>
{
    public IdentityDb CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<IdentityDb>()
        .UseNpgsql("Host=localhost;Database=identitydb").Options);
}
