namespace Tinjau.Inspections.Api.Domain;

public enum AttendanceStatus
{
    Present,
    AbsentWithLeave,
    AbsentWithoutReason,
    Late,
}

/// <summary>
/// An officer of a unit as the satgas met them. Personal data (name, staff number) stays in this service; other
/// services only ever see <see cref="Id"/>, an opaque reference.
/// </summary>
public sealed class UnitOfficer
{
    private UnitOfficer()
    {
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>Identity of the person: "nip:&lt;digits&gt;" when the staff number is known, else "name:&lt;unit&gt;:&lt;name&gt;".</summary>
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string? StaffNumber { get; private set; }
    public string? Position { get; private set; }

    public static string KeyOf(Guid unitId, string? name, string? staffNumber)
    {
        var digits = new string((staffNumber ?? "").Where(char.IsLetterOrDigit).ToArray());
        if (digits.Length > 0)
        {
            return "nip:" + digits.ToLowerInvariant();
        }
        var normalized = string.Join(' ', (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return $"name:{unitId:N}:{normalized}";
    }

    public static UnitOfficer Create(Guid unitId, string? name, string? staffNumber, string? position) => new()
    {
        Id = Guid.CreateVersion7(),
        UnitId = unitId,
        Key = KeyOf(unitId, name, staffNumber),
        Name = string.IsNullOrWhiteSpace(name) ? (staffNumber ?? "").Trim() : name.Trim(),
        StaffNumber = staffNumber.Trimmed(),
        Position = position,
    };

    public void Seen(string? name, string? position)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            Name = name.Trim();
        }
        if (!string.IsNullOrWhiteSpace(position))
        {
            Position = position.Trim();
        }
    }
}

/// <summary>Attendance of one officer on one day (the visit day in the unit's time zone), as found by a visit.</summary>
public sealed class AttendanceRecord
{
    private AttendanceRecord()
    {
    }

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid OfficerId { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
    public string? StaffNumber { get; private set; }
    public string? Position { get; private set; }
    public AttendanceStatus Status { get; private set; }
    public string? Note { get; private set; }

    internal static AttendanceRecord Create(Guid id, Guid visitId, Guid unitId, Guid officerId, DateOnly date, string name,
        string? staffNumber, string? position, AttendanceStatus status, string? note) => new()
        {
            Id = id,
            VisitId = visitId,
            UnitId = unitId,
            OfficerId = officerId,
            Date = date,
            Name = name,
            StaffNumber = staffNumber,
            Position = position,
            Status = status,
            Note = note,
        };
}
