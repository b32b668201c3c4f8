using System.Globalization;
using Google.Protobuf;

namespace Tinjau.AppHost.Dashboard;

/// <summary>
/// Decodes an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1) by field number,
/// without generated classes: resource attribute service.name, and each span's ids, name, kind, times, status and attributes.
/// </summary>
public static class OtlpTraceDecoder
{
    private static readonly string[] Kinds = ["Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"];
    private static readonly string[] StatusCodes = ["Unset", "Ok", "Error"];

    public static IReadOnlyList<SpanRecord> Decode(byte[] request)
    {
        var spans = new List<SpanRecord>();
        var input = new CodedInputStream(request);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                ReadResourceSpans(input.ReadBytes(), spans);
            }
            else
            {
                input.SkipLastField();
            }
        }

        return spans;
    }

    private static void ReadResourceSpans(ByteString bytes, List<SpanRecord> spans)
    {
        var service = "unknown_service";
        var scopeSpans = new List<ByteString>();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    var attributes = ReadAttributes(input.ReadBytes(), field: 1);
                    if (attributes.TryGetValue("service.name", out var name))
                    {
                        service = name;
                    }

                    break;
                case 2:
                    scopeSpans.Add(input.ReadBytes());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        foreach (var scope in scopeSpans)
        {
            var scopeInput = scope.CreateCodedInput();
            while ((tag = scopeInput.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(tag) == 2)
                {
                    spans.Add(ReadSpan(scopeInput.ReadBytes(), service));
                }
                else
                {
                    scopeInput.SkipLastField();
                }
            }
        }
    }

    private static SpanRecord ReadSpan(ByteString bytes, string service)
    {
        string traceId = "", spanId = "", name = "", kind = Kinds[0], status = StatusCodes[0];
        string? parent = null;
        ulong start = 0, end = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: traceId = Hex(input.ReadBytes()); break;
                case 2: spanId = Hex(input.ReadBytes()); break;
                case 4:
                    var p = input.ReadBytes();
                    parent = p.IsEmpty ? null : Hex(p);
                    break;
                case 5: name = input.ReadString(); break;
                case 6: kind = Name(Kinds, input.ReadEnum()); break;
                case 7: start = input.ReadFixed64(); break;
                case 8: end = input.ReadFixed64(); break;
                case 9:
                    var (key, value) = ReadKeyValue(input.ReadBytes());
                    attributes[key] = value;
                    break;
                case 15: status = ReadStatus(input.ReadBytes()); break;
                default: input.SkipLastField(); break;
            }
        }

        return new SpanRecord(traceId, spanId, parent, name, kind, service, Time(start), Time(end), status, attributes);
    }

    private static string ReadStatus(ByteString bytes)
    {
        var code = StatusCodes[0];
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 3)
            {
                code = Name(StatusCodes, input.ReadEnum());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return code;
    }

    private static Dictionary<string, string> ReadAttributes(ByteString message, int field)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var input = message.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == field)
            {
                var (key, value) = ReadKeyValue(input.ReadBytes());
                attributes[key] = value;
            }
            else
            {
                input.SkipLastField();
            }
        }

        return attributes;
    }

    private static (string Key, string Value) ReadKeyValue(ByteString bytes)
    {
        string key = "", value = "";
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: key = input.ReadString(); break;
                case 2: value = ReadAnyValue(input.ReadBytes()); break;
                default: input.SkipLastField(); break;
            }
        }

        return (key, value);
    }

    /// <summary>AnyValue as a string: arrays as [a, b], key/value lists as {k=v}.</summary>
    private static string ReadAnyValue(ByteString bytes)
    {
        var input = bytes.CreateCodedInput();
        var value = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            value = WireFormat.GetTagFieldNumber(tag) switch
            {
                1 => input.ReadString(),
                2 => input.ReadBool() ? "true" : "false",
                3 => input.ReadInt64().ToString(CultureInfo.InvariantCulture),
                4 => input.ReadDouble().ToString(CultureInfo.InvariantCulture),
                5 => "[" + string.Join(", ", ReadArray(input.ReadBytes())) + "]",
                6 => "{" + string.Join(", ", ReadAttributes(input.ReadBytes(), field: 1).Select(kv => $"{kv.Key}={kv.Value}")) + "}",
                7 => Convert.ToBase64String(input.ReadBytes().ToByteArray()),
                _ => Skip(input, value),
            };
        }

        return value;
    }

    private static List<string> ReadArray(ByteString bytes)
    {
        var values = new List<string>();
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1)
            {
                values.Add(ReadAnyValue(input.ReadBytes()));
            }
            else
            {
                input.SkipLastField();
            }
        }

        return values;
    }

    private static string Skip(CodedInputStream input, string value)
    {
        input.SkipLastField();
        return value;
    }

    private static string Name(string[] names, int value) =>
        value >= 0 && value < names.Length ? names[value] : value.ToString(CultureInfo.InvariantCulture);

    private static string Hex(ByteString bytes) => Convert.ToHexString(bytes.Span).ToLowerInvariant();

    private static DateTimeOffset Time(ulong unixNanos) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanos / 100));
}
