namespace Tinjau.Inspections.Api.Domain;

/// <summary>A rule of the domain was broken by a well-formed request: a forbidden transition or a conflict (409).</summary>
public sealed class DomainException(string message) : ConflictException(message);
