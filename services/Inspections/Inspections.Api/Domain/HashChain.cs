using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace Tinjau.Inspections.Api.Domain;

/// <summary>
/// Canonical JSON: object members sorted by ordinal name at every depth, no insignificant white space, the same
/// escaping every time. Two equal documents give the same bytes, so their hashes can be compared.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(JsonNode? node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, node);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Canonicalize(string json) => Serialize(JsonNode.Parse(json));

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}

/// <summary>One link of a visit's record: check-in, submission, amendment or follow-up step.</summary>
public sealed class VisitRecordEntry
{
    private VisitRecordEntry()
    {
    }

    public Guid VisitId { get; private set; }
    public int Sequence { get; private set; }
    public string Kind { get; private set; } = "";
    /// <summary>Canonical JSON of what the entry records (kept as text, byte for byte).</summary>
    public string Payload { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal static VisitRecordEntry Create(Guid visitId, int sequence, string kind, JsonNode payload, string by, DateTimeOffset at,
        string previousHash)
    {
        var entry = new VisitRecordEntry
        {
            VisitId = visitId,
            Sequence = sequence,
            Kind = kind,
            Payload = CanonicalJson.Serialize(payload),
            RecordedAt = Instants.Normalize(at),
            RecordedBy = by,
            PreviousHash = previousHash,
        };
        entry.Hash = HashChain.HashOf(entry.PreviousHash, entry);
        return entry;
    }
}

public sealed record ChainProblem(int Sequence, string Problem);

/// <summary>
/// The hash chain of a visit record: hash(n) = SHA-256(hash(n−1) + "\n" + canonical JSON of entry n's visit id,
/// sequence, kind, time, author and payload), hash(0) = 64 zeros. Changing, removing or reordering any entry
/// breaks every hash after it.
/// </summary>
public static class HashChain
{
    public static readonly string Genesis = new('0', 64);

    public static string HashOf(string previousHash, VisitRecordEntry entry)
    {
        var envelope = new JsonObject
        {
            ["visitId"] = entry.VisitId.ToString(),
            ["sequence"] = entry.Sequence,
            ["kind"] = entry.Kind,
            ["recordedAt"] = Instants.Format(entry.RecordedAt),
            ["recordedBy"] = entry.RecordedBy,
            ["payload"] = JsonNode.Parse(entry.Payload),
        };
        return Sha256Hex(previousHash + "\n" + CanonicalJson.Serialize(envelope));
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Checks sequence numbers, links and hashes; returns every problem found (empty = intact).</summary>
    public static IReadOnlyList<ChainProblem> Verify(IEnumerable<VisitRecordEntry> entries)
    {
        var problems = new List<ChainProblem>();
        var previous = Genesis;
        var expected = 1;
        foreach (var entry in entries.OrderBy(e => e.Sequence))
        {
            if (entry.Sequence != expected)
            {
                problems.Add(new ChainProblem(entry.Sequence, $"expected sequence {expected}"));
            }
            if (entry.PreviousHash != previous)
            {
                problems.Add(new ChainProblem(entry.Sequence, "previous hash does not match the entry before"));
            }
            string recomputed;
            try
            {
                recomputed = HashOf(entry.PreviousHash, entry);
            }
            catch (JsonException)
            {
                problems.Add(new ChainProblem(entry.Sequence, "payload is not valid JSON"));
                previous = entry.Hash;
                expected = entry.Sequence + 1;
                continue;
            }
            if (recomputed != entry.Hash)
            {
                problems.Add(new ChainProblem(entry.Sequence, "hash does not match the entry's content"));
            }
            previous = entry.Hash;
            expected = entry.Sequence + 1;
        }
        return problems;
    }
}
