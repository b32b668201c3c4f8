namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>A rule of the domain was broken by a request that was well-formed: a forbidden transition or conflict (409).</summary>
public sealed class DomainException(string message) : ConflictException(message);
