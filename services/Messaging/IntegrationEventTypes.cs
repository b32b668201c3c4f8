using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tinjau.Messaging;

/// <summary>
/// Names event types in the outbox and resolves them back. The stored name is
/// <c>Namespace.TypeName, AssemblyName</c>: stable across package versions and rebuilds, and it matches how
/// MassTransit names the exchange (<c>Namespace:TypeName</c>), so moving or renaming a contract is a breaking
/// change either way. Contracts therefore live in the publisher's <c>.Contracts</c> assembly and are versioned by
/// adding fields only.
/// </summary>
internal static class IntegrationEventTypes
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();
    private static readonly ConcurrentDictionary<string, Type?> Types = new(StringComparer.Ordinal);

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Returns the stable name of <paramref name="type"/> and remembers the type for the dispatcher.</summary>
    public static string NameOf(Type type) => Names.GetOrAdd(type, static t =>
    {
        if (t.FullName is null || t.IsGenericTypeDefinition)
        {
            throw new ArgumentException($"{t} cannot be an integration event: use a closed, named type.", nameof(type));
        }
        if (string.IsNullOrEmpty(t.Namespace))
        {
            throw new ArgumentException($"{t.Name} must be declared in a namespace (MassTransit names exchanges Namespace:TypeName).", nameof(type));
        }
        var name = $"{t.FullName}, {t.Assembly.GetName().Name}";
        Types.TryAdd(name, t);
        return name;
    });

    /// <summary>The type stored under <paramref name="name"/>, or null when no loaded or loadable assembly has it.</summary>
    public static Type? Resolve(string name) => Types.GetOrAdd(name, static n => Type.GetType(n, throwOnError: false));

    /// <summary>Simple name for span names and metric tags (the part after the last dot, before the comma).</summary>
    public static string ShortName(string name)
    {
        var comma = name.IndexOf(',');
        var full = comma < 0 ? name : name[..comma];
        var dot = full.LastIndexOf('.');
        return dot < 0 ? full : full[(dot + 1)..];
    }
}
