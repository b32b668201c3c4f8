using System.Text.Json;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Complaints.Tests.Integration;

/// <summary>Test data: complaint bodies and a filed complaint's handles.</summary>
public static class Complaints
{
    public sealed record Filed(Guid Id, string TrackingNumber, string Secret, JsonElement Body);

    public static Dictionary<string, object?> Body(string category = "jalan-rusak", double? lat = null, double? lon = null,
        bool anonymous = false, bool confidential = false, string? description = null, string channel = "jaki",
        string? reporterName = "Siti Rahmawati", string? kind = "pengaduan")
    {
        var point = InMemoryUnitRegistry.KwitangPoint;
        return new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["category"] = category,
            ["description"] = description ?? $"Jalan berlubang di depan toko buku Kwitang ({Guid.NewGuid():N})",
            ["latitude"] = lat ?? point.Latitude,
            ["longitude"] = lon ?? point.Longitude,
            ["address"] = "Jl. Kwitang Raya",
            ["channel"] = channel,
            ["channelReference"] = "JAKI-123",
            ["anonymous"] = anonymous,
            ["confidential"] = confidential,
            ["reporter"] = reporterName is null ? null : new { name = reporterName, email = "siti@example.id", phone = "+62 812 1111 2222" },
            ["mediaUrls"] = new[] { "https://example.id/foto.jpg" },
        };
    }

    public static async Task<Filed> FileAsync(this HttpClient client, Dictionary<string, object?>? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = System.Net.Http.Json.JsonContent.Create(body ?? Body()),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        var response = await client.SendAsync(request);
        var json = await response.OkJsonAsync(201);
        return new Filed(json.GetProperty("id").GetGuid(), json.Str("trackingNumber"), json.Str("trackingSecret"), json);
    }
}
