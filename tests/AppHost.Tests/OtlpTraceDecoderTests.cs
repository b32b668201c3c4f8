using Google.Protobuf;
using Tinjau.AppHost.Dashboard;

namespace Tinjau.AppHost.Tests;

public sealed class OtlpTraceDecoderTests
{
    private static readonly byte[] TraceId = Convert.FromHexString("0af7651916cd43dd8448eb211c80319c");
    private static readonly byte[] RootId = Convert.FromHexString("b7ad6b7169203331");
    private static readonly byte[] ChildId = Convert.FromHexString("00f067aa0ba902b7");

    [Fact]
    public void Decodes_service_name_and_spans_from_an_export_request()
    {
        var request = ExportRequest(
            ResourceSpans("unitregistry", Span(TraceId, RootId, null, "GET /units", kind: 2, 1_000_000_000, 1_050_000_000,
                ("http.request.method", AnyString("GET")), ("http.response.status_code", AnyInt(200)))),
            ResourceSpans("identity", Span(TraceId, ChildId, RootId, "POST /connect/token", kind: 3, 1_010_000_000, 1_020_000_000,
                ("retry", AnyBool(true)))));

        var spans = OtlpTraceDecoder.Decode(request);

        Assert.Equal(2, spans.Count);
        var root = spans[0];
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", root.TraceId);
        Assert.Equal("b7ad6b7169203331", root.SpanId);
        Assert.Null(root.ParentSpanId);
        Assert.Equal("GET /units", root.Name);
        Assert.Equal("Server", root.Kind);
        Assert.Equal("unitregistry", root.ServiceName);
        Assert.Equal(50, root.DurationMs, precision: 3);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(1), root.Start);
        Assert.Equal("GET", root.Attributes["http.request.method"]);
        Assert.Equal("200", root.Attributes["http.response.status_code"]);

        var child = spans[1];
        Assert.Equal("b7ad6b7169203331", child.ParentSpanId);
        Assert.Equal("Client", child.Kind);
        Assert.Equal("identity", child.ServiceName);
        Assert.Equal("true", child.Attributes["retry"]);

        var store = new SpanStore(capacity: 10);
        store.Add(spans);
        var trace = Assert.Single(store.GetTraces("identity", 10));
        Assert.Equal("GET /units", trace.RootName);
        Assert.Equal(["unitregistry", "identity"], trace.Services);
        Assert.Empty(store.GetTraces("gateway", 10));
        Assert.Equal(2, store.GetTrace("0AF7651916CD43DD8448EB211C80319C").Count);
    }

    [Fact]
    public void Span_store_keeps_only_the_most_recent_spans()
    {
        var store = new SpanStore(capacity: 3);
        for (var i = 0; i < 5; i++)
        {
            store.Add(OtlpTraceDecoder.Decode(ExportRequest(ResourceSpans("s", Span(TraceId, RootId, null, $"span {i}", 1, 0, 1)))));
        }

        Assert.Equal(3, store.Count);
        Assert.Equal("span 2", store.GetTrace(Convert.ToHexString(TraceId)).First().Name);
    }

    private static byte[] ExportRequest(params byte[][] resourceSpans) =>
        Message(output => { foreach (var r in resourceSpans) { output.WriteTag(1, WireFormat.WireType.LengthDelimited); output.WriteBytes(ByteString.CopyFrom(r)); } });

    private static byte[] ResourceSpans(string service, params byte[][] spans)
    {
        var resource = Message(o => WriteMessage(o, 1, KeyValue("service.name", AnyString(service))));
        var scope = Message(o =>
        {
            WriteMessage(o, 1, Message(s => { s.WriteTag(1, WireFormat.WireType.LengthDelimited); s.WriteString("test"); }));
            foreach (var span in spans)
            {
                WriteMessage(o, 2, span);
            }
        });
        return Message(o =>
        {
            WriteMessage(o, 1, resource);
            WriteMessage(o, 2, scope);
        });
    }

    private static byte[] Span(byte[] traceId, byte[] spanId, byte[]? parent, string name, int kind, ulong start, ulong end, params (string Key, byte[] Value)[] attributes) =>
        Message(o =>
        {
            WriteBytes(o, 1, traceId);
            WriteBytes(o, 2, spanId);
            if (parent is not null)
            {
                WriteBytes(o, 4, parent);
            }

            o.WriteTag(5, WireFormat.WireType.LengthDelimited);
            o.WriteString(name);
            o.WriteTag(6, WireFormat.WireType.Varint);
            o.WriteEnum(kind);
            o.WriteTag(7, WireFormat.WireType.Fixed64);
            o.WriteFixed64(start);
            o.WriteTag(8, WireFormat.WireType.Fixed64);
            o.WriteFixed64(end);
            foreach (var (key, value) in attributes)
            {
                WriteMessage(o, 9, KeyValue(key, value));
            }

            o.WriteTag(16, WireFormat.WireType.Fixed32);
            o.WriteFixed32(1);
        });

    private static byte[] KeyValue(string key, byte[] anyValue) => Message(o =>
    {
        o.WriteTag(1, WireFormat.WireType.LengthDelimited);
        o.WriteString(key);
        WriteMessage(o, 2, anyValue);
    });

    private static byte[] AnyString(string value) => Message(o => { o.WriteTag(1, WireFormat.WireType.LengthDelimited); o.WriteString(value); });

    private static byte[] AnyBool(bool value) => Message(o => { o.WriteTag(2, WireFormat.WireType.Varint); o.WriteBool(value); });

    private static byte[] AnyInt(long value) => Message(o => { o.WriteTag(3, WireFormat.WireType.Varint); o.WriteInt64(value); });

    private static void WriteMessage(CodedOutputStream output, int field, byte[] message) => WriteBytes(output, field, message);

    private static void WriteBytes(CodedOutputStream output, int field, byte[] bytes)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(bytes));
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }
}
