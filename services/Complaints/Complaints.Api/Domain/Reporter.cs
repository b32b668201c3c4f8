namespace Tinjau.Complaints.Api.Domain;

/// <summary>
/// The reporter's identity and contact, stored only in the complaints database (own table) and never put in events
/// or logs. Returned to staff only when the complaint is not anonim.
/// </summary>
public sealed class Reporter
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>The <c>sub</c> of the citizen account that filed it, when filed signed in.</summary>
    public string? CitizenSubject { get; set; }

    public bool IsEmpty => Name is null && Email is null && Phone is null && CitizenSubject is null;
}
