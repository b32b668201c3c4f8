namespace Tinjau.Complaints.Api.Data;

public sealed class DesignTimeDbContextFactory() : DesignTimeDatabase<ComplaintsDb>("complaintsdb", o => new(o));
