using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tinjau.Inspections.Api.Domain;

namespace Tinjau.Inspections.Tests;

/// <summary>Builders for the requests a satgas device sends, and small HTTP helpers.</summary>
internal static class SidakScenario
{
    /// <summary>Monday 10 March 2025, 10:00 WIB: inside Kwitang's hours.</summary>
    public static readonly DateTimeOffset InHours = new(2025, 3, 10, 10, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Saturday 8 March 2025, 20:00 WIB: outside them.</summary>
    public static readonly DateTimeOffset OutOfHours = new(2025, 3, 8, 20, 0, 0, TimeSpan.FromHours(7));

    public static async Task<Guid> CreatePlanAsync(HttpClient satgas, Guid unitId)
    {
        using var response = await satgas.PostAsJsonAsync("/api/inspections/plans", new
        {
            title = "Sidak pelayanan Maret",
            windowStart = "2025-03-01",
            windowEnd = "2025-03-31",
            unitIds = new[] { unitId },
            teamMembers = new[] { "satgas-1", "satgas-2" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response))["id"]!.GetValue<Guid>();
    }

    public static JsonObject Submission(Guid unitId, Guid? planId, DateTimeOffset deviceTime, string nip, string attendanceStatus = "absent-without-reason",
        Guid? evidenceId = null, Guid? findingId = null, Guid? attendanceId = null, string answer = "yes")
    {
        var attendance = attendanceId ?? Guid.NewGuid();
        var answers = new JsonArray(ChecklistTemplate.SidakV1Items.Select((item, i) => (JsonNode)new JsonObject
        {
            ["item"] = item.Code,
            ["answer"] = item.Code switch
            {
                "lactation-room" => "not-applicable",
                "queue-system" => "partly",
                "head-present" => "no",
                _ => answer,
            },
            ["note"] = i == 0 ? "buka pukul 08.00" : null,
        }).ToArray());
        var submission = new JsonObject
        {
            ["unitId"] = unitId.ToString(),
            ["planId"] = planId?.ToString(),
            ["checkIn"] = new JsonObject { ["deviceTime"] = deviceTime.ToString("O"), ["latitude"] = -6.18265, ["longitude"] = 106.84125, ["accuracyMetres"] = 8.0 },
            ["checklist"] = new JsonObject { ["code"] = "sidak-pelayanan", ["version"] = 1, ["answers"] = answers },
            ["attendance"] = new JsonArray(
                new JsonObject { ["id"] = attendance.ToString(), ["name"] = "Budi Santoso", ["staffNumber"] = nip, ["position"] = "Petugas loket", ["status"] = attendanceStatus },
                new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Siti Aminah " + nip, ["position"] = "Lurah", ["status"] = "present" }),
            ["findings"] = new JsonArray(new JsonObject
            {
                ["id"] = (findingId ?? Guid.NewGuid()).ToString(),
                ["severity"] = "high",
                ["category"] = "attendance",
                ["checklistItem"] = "counters-staffed",
                ["description"] = "Loket 2 kosong pada jam pelayanan",
                ["attendanceId"] = attendance.ToString(),
                ["evidenceIds"] = evidenceId is { } e ? new JsonArray(e.ToString()) : new JsonArray(),
            }),
            ["evidence"] = new JsonArray(),
            ["summary"] = "Pelayanan berjalan, satu loket kosong",
        };
        return submission;
    }

    public static byte[] Photo(int size = 2048)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        return bytes;
    }

    /// <summary>Adds a photo to the submission and builds the multipart request the device sends.</summary>
    public static MultipartFormDataContent Multipart(JsonObject submission, Guid evidenceId, byte[] photo)
    {
        var evidence = (JsonArray)submission["evidence"]!;
        if (evidence.Count == 0)
        {
            evidence.Add(new JsonObject
            {
                ["id"] = evidenceId.ToString(),
                ["fileName"] = "loket-2.jpg",
                ["contentType"] = "image/jpeg",
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(photo)),
                ["sizeBytes"] = photo.Length,
            });
        }
        var content = new MultipartFormDataContent
        {
            { new StringContent(submission.ToJsonString()), "submission" },
        };
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, evidenceId.ToString(), "loket-2.jpg");
        return content;
    }

    public static async Task<JsonObject> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"not a JSON object: {text}");
    }

    public static async Task<JsonObject> OkJson(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return (JsonObject)JsonNode.Parse(text)!;
    }

    public static Task<HttpResponseMessage> PutJson(HttpClient client, string url, JsonNode body) =>
        client.PutAsync(url, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

    public static string Nip() => "1987" + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + "01";

    public static JsonSerializerOptions Web => JsonSerializerOptions.Web;
}
