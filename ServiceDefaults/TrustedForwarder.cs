namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A front end of our own (the portal) calls the APIs through the gateway on behalf of many citizens. It names the
/// citizen's address in <c>X-Forwarded-For</c> and proves it may do so with a key both were given
/// (<see cref="KeyConfiguration"/>): the gateway then limits per citizen, not per portal. Without the key the
/// gateway ignores any <c>X-Forwarded-For</c> a client sends and sets its own.
/// </summary>
public static class TrustedForwarder
{
    public const string Header = "X-Tinjau-Forwarder";

    /// <summary>The shared key, in the configuration of both the gateway and the portal.</summary>
    public const string KeyConfiguration = "Tinjau:ForwarderKey";

    /// <summary>The environment variable the AppHost sets.</summary>
    public const string KeyEnvironment = "Tinjau__ForwarderKey";
}
