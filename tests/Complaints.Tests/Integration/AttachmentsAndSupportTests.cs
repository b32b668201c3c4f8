using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Complaints.Tests.Integration;

[Collection(ComplaintsCollection.Name)]
public sealed class AttachmentsAndSupportTests(ComplaintsFixture fx)
{
    private static (double Lat, double Lon) SomewhereNew()
    {
        // A point of its own inside the city, so that other tests' complaints are not "nearby".
        var r = Random.Shared;
        return (-6.225 + r.NextDouble() * 0.09, 106.785 + r.NextDouble() * 0.1);
    }

    private static Dictionary<string, object?> BodyWithoutMedia(bool confidential = false, string category = "sampah", (double Lat, double Lon)? at = null)
    {
        var body = Complaints.Body(category: category, confidential: confidential, lat: at?.Lat, lon: at?.Lon);
        body.Remove("mediaUrls");
        return body;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string trackingNumber, byte[] bytes, string? secret,
        string fileName = "foto.jpg", string contentType = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/track/{trackingNumber}/attachments") { Content = form };
        if (secret is not null)
        {
            request.Headers.Add("X-Tracking-Secret", secret);
        }
        return await client.SendAsync(request);
    }

    private static IReadOnlyList<MetadataExtractor.Directory> Metadata(byte[] bytes) => ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));

    [Fact]
    public async Task A_photo_is_stored_without_its_EXIF_GPS_and_device_and_served_safely()
    {
        var client = fx.Anonymous();
        var filed = await client.FileAsync(BodyWithoutMedia());
        var original = ExifPhotos.JpegWithGps();
        var before = Metadata(original);
        Assert.NotNull(before.OfType<GpsDirectory>().FirstOrDefault()?.GetGeoLocation());
        Assert.Contains(before.OfType<ExifIfd0Directory>(), d => d.GetDescription(ExifDirectoryBase.TagMake) == ExifPhotos.Make);

        var created = await (await UploadAsync(client, filed.TrackingNumber, original, filed.Secret)).OkJsonAsync(201);
        var url = created.Str("url");

        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("inline; filename=", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), created.Str("sha256"));
        Assert.Equal(created.Str("sha256"), response.Headers.GetValues("X-Content-SHA256").Single());

        var after = Metadata(stored);
        Assert.Empty(after.OfType<GpsDirectory>());
        Assert.Empty(after.OfType<ExifIfd0Directory>());
        Assert.DoesNotContain(ExifPhotos.Make, System.Text.Encoding.Latin1.GetString(stored));
        Assert.Equal(64, created.GetProperty("width").GetInt32());

        // Listed beside the complaint, and the Open311 media_url of a complaint without external media.
        var list = await (await client.GetAsync($"/api/complaints/track/{filed.TrackingNumber}/attachments")).OkJsonAsync();
        Assert.Equal(url, list[0].Str("url"));
        var open311 = await (await client.GetAsync($"/open311/v2/requests/{filed.TrackingNumber}.json")).OkJsonAsync();
        Assert.EndsWith(url, open311[0].Str("media_url"));
        Assert.StartsWith("http", open311[0].Str("media_url"));
    }

    [Fact]
    public async Task Only_photos_pass_and_only_the_reporter_adds_them_up_to_the_limit()
    {
        var client = fx.Anonymous();
        var filed = await client.FileAsync(BodyWithoutMedia());

        var notAPhoto = await UploadAsync(client, filed.TrackingNumber, "<script>alert(1)</script>"u8.ToArray(), filed.Secret);
        var problem = await notAPhoto.OkJsonAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));

        // Declared as JPEG, is a PNG: the content decides, and it is stored as PNG.
        var png = await (await UploadAsync(client, filed.TrackingNumber, ExifPhotos.Png(), filed.Secret)).OkJsonAsync(201);
        Assert.Equal("image/png", png.Str("contentType"));

        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(client, filed.TrackingNumber, ExifPhotos.Png(), secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync(client, filed.TrackingNumber, ExifPhotos.Png(), secret: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(client, "JKT-0000-00", ExifPhotos.Png(), filed.Secret)).StatusCode);

        for (var i = 1; i < 5; i++)
        {
            await (await UploadAsync(client, filed.TrackingNumber, ExifPhotos.Png(), filed.Secret)).OkJsonAsync(201);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await UploadAsync(client, filed.TrackingNumber, ExifPhotos.Png(), filed.Secret)).StatusCode);
    }

    [Fact]
    public async Task The_photos_of_a_rahasia_complaint_are_not_public()
    {
        var client = fx.Anonymous();
        var filed = await client.FileAsync(BodyWithoutMedia(confidential: true));
        var created = await (await UploadAsync(client, filed.TrackingNumber, ExifPhotos.JpegWithGps(), filed.Secret)).OkJsonAsync(201);
        var url = created.Str("url");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var list = await (await client.GetAsync($"/api/complaints/track/{filed.TrackingNumber}/attachments")).OkJsonAsync();
        Assert.Equal(0, list.GetArrayLength());

        using var withSecret = new HttpRequestMessage(HttpMethod.Get, url);
        withSecret.Headers.Add("X-Tracking-Secret", filed.Secret);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fx.Admin().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Nearby_public_complaints_are_offered_and_supporting_one_counts_each_supporter_once()
    {
        var at = SomewhereNew();
        var client = fx.Anonymous();
        var open = await client.FileAsync(BodyWithoutMedia(category: "pkl", at: at));
        var secret = await client.FileAsync(BodyWithoutMedia(confidential: true, category: "pkl", at: at));

        var nearby = await (await client.GetAsync(FormattableString.Invariant($"/api/complaints/nearby?lat={at.Lat + 0.0003}&lon={at.Lon}&category=pkl")))
            .OkJsonAsync();
        var numbers = nearby.EnumerateArray().Select(n => n.Str("trackingNumber")).ToList();
        Assert.Contains(open.TrackingNumber, numbers);
        Assert.DoesNotContain(secret.TrackingNumber, numbers);
        var far = await (await client.GetAsync(FormattableString.Invariant($"/api/complaints/nearby?lat={at.Lat + 0.01}&lon={at.Lon}&category=pkl")))
            .OkJsonAsync();
        Assert.DoesNotContain(open.TrackingNumber, far.EnumerateArray().Select(n => n.Str("trackingNumber")));

        async Task<JsonElement> Support(HttpClient c, string? key, int expected = 200) =>
            await (await c.PostJsonAsync($"/api/complaints/track/{open.TrackingNumber}/support", new { supporterKey = key })).OkJsonAsync(expected);

        var keyA = Guid.NewGuid().ToString("N");
        Assert.Equal(1, (await Support(client, keyA)).GetProperty("supporters").GetInt32());
        var again = await Support(client, keyA);
        Assert.Equal(1, again.GetProperty("supporters").GetInt32());
        Assert.True(again.GetProperty("alreadySupported").GetBoolean());
        Assert.Equal(2, (await Support(client, Guid.NewGuid().ToString("N"))).GetProperty("supporters").GetInt32());
        var citizen = fx.As("citizen", subject: $"warga-{Guid.NewGuid():N}");
        Assert.Equal(3, (await Support(citizen, null)).GetProperty("supporters").GetInt32());
        Assert.Equal(3, (await Support(citizen, null)).GetProperty("supporters").GetInt32());
        await Support(client, null, expected: 400);

        var count = await (await client.GetAsync($"/api/complaints/track/{open.TrackingNumber}/support")).OkJsonAsync();
        Assert.Equal(3, count.GetProperty("supporters").GetInt32());
        var listed = await (await client.GetAsync(FormattableString.Invariant($"/api/complaints/nearby?lat={at.Lat}&lon={at.Lon}"))).OkJsonAsync();
        Assert.Equal(3, listed.EnumerateArray().First(n => n.Str("trackingNumber") == open.TrackingNumber).GetProperty("supporters").GetInt32());
    }
}
