namespace Tinjau;

/// <summary>
/// The platform's one family of failures a request can meet. The domain throws them; ServiceDefaults'
/// <c>ProblemExceptionHandler</c> answers each with the same RFC 9457 problem in every service.
/// </summary>
public abstract class PlatformException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>What was asked for does not exist, or the caller may not learn that it does (404).</summary>
public class NotFoundException(string message = "Nothing was found at this address.") : PlatformException(message);

/// <summary>A forbidden transition or a conflict with the current state (409).</summary>
public class ConflictException(string message) : PlatformException(message);

/// <summary>A well-formed request that breaks a rule about one of its fields (400, with the field).</summary>
public class RuleBrokenException(string field, string message) : PlatformException(message)
{
    public string Field { get; } = field;
}

/// <summary>Something the service needs (the registry, the database) cannot answer just now (503 with Retry-After).</summary>
public class DependencyUnavailableException(string message, Exception? inner = null, int retryAfterSeconds = 5)
    : PlatformException(message, inner)
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}
