using Microsoft.EntityFrameworkCore.Design;

namespace Tinjau.Complaints.Api.Data;

/// <summary>For <c>dotnet ef</c>: builds the model without starting the service (no connection is opened).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ComplaintsDb>
{
    public ComplaintsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ComplaintsDb>().UseNpgsql("Host=localhost;Database=complaintsdb").Options);
}
