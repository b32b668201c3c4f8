namespace Tinjau.Complaints.Api.Domain;

/// <summary>A well-formed request broke a rule of the complaint's life: a forbidden transition or a closed window (409).</summary>
public sealed class ComplaintConflictException(string message) : ConflictException(message);
