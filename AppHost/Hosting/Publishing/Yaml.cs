using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tinjau.AppHost.Hosting.Publishing;

/// <summary>An ordered YAML mapping: keys are written in the order they were added.</summary>
public sealed class YamlMap : List<KeyValuePair<string, object>>
{
    public void Add(string key, object value) => Add(new KeyValuePair<string, object>(key, value));
}

/// <summary>
/// A small block-style YAML emitter for Kubernetes manifests. Values are <see cref="YamlMap"/>, lists
/// (<see cref="IEnumerable{T}"/> of values), strings, integers and booleans. A string is written plain only when
/// no YAML 1.1 or 1.2 reader can take it for anything but that string (a number, a boolean, null, a time);
/// every other string is double-quoted with JSON escapes, which YAML reads the same way.
/// </summary>
public static partial class Yaml
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    };

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One document: optional comment lines, then the mapping.</summary>
    public static string Write(YamlMap document, IEnumerable<string>? comments = null)
    {
        var text = new StringBuilder();
        foreach (var comment in comments ?? [])
        {
            text.Append("# ").Append(comment.ReplaceLineEndings(" ")).Append('\n');
        }

        WriteMap(text, document, 0, firstLinePrefix: null);
        return text.ToString();
    }

    public static string Scalar(object value) => value switch
    {
        string s => PlainSafe(s) ? s : JsonSerializer.Serialize(s, Json),
        bool b => b ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new NotSupportedException($"No YAML scalar for {value.GetType().Name}."),
    };

    /// <summary>Starts with a letter, only letters, digits and <c>_ . / -</c> (no colon, space or '#'), and not a reserved word.</summary>
    public static bool PlainSafe(string value) => PlainPattern().IsMatch(value) && !Reserved.Contains(value);

    private static void WriteMap(StringBuilder text, YamlMap map, int indent, string? firstLinePrefix)
    {
        var first = true;
        foreach (var (key, value) in map)
        {
            var prefix = first && firstLinePrefix is not null ? firstLinePrefix : new string(' ', indent);
            first = false;
            text.Append(prefix).Append(Scalar(key)).Append(':');
            switch (value)
            {
                case YamlMap { Count: 0 }:
                    text.Append(" {}\n");
                    break;
                case YamlMap nested:
                    text.Append('\n');
                    WriteMap(text, nested, indent + 2, firstLinePrefix: null);
                    break;
                case string or bool or int or long:
                    text.Append(' ').Append(Scalar(value)).Append('\n');
                    break;
                case System.Collections.IEnumerable list:
                    var items = list.Cast<object>().ToList();
                    if (items.Count == 0)
                    {
                        text.Append(" []\n");
                    }
                    else
                    {
                        text.Append('\n');
                        WriteList(text, items, indent + 2);
                    }

                    break;
                default:
                    throw new NotSupportedException($"No YAML value for {value?.GetType().Name ?? "null"} ({key}).");
            }
        }

        if (first)
        {
            text.Append(firstLinePrefix ?? new string(' ', indent)).Append("{}\n");
        }
    }

    private static void WriteList(StringBuilder text, List<object> items, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in items)
        {
            switch (item)
            {
                case YamlMap map:
                    WriteMap(text, map, indent + 2, firstLinePrefix: pad + "- ");
                    break;
                case string or bool or int or long:
                    text.Append(pad).Append("- ").Append(Scalar(item)).Append('\n');
                    break;
                default:
                    throw new NotSupportedException($"No YAML list item for {item?.GetType().Name ?? "null"}.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainPattern();
}
