using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Tinjau.Portal.Web.Services;

/// <summary>What the answer page shows after filing: kept in a short-lived, encrypted cookie (Post/Redirect/Get).</summary>
public sealed record Receipt(string TrackingNumber, string? Secret, string? UnitName, string TimeZone, DateTimeOffset VerificationDueAt,
    int PhotosStored, int PhotosRejected, bool Confidential);

public sealed class ReceiptCookie(IDataProtectionProvider protection)
{
    public const string Name = "tinjau.terkirim";
    private readonly IDataProtector _protector = protection.CreateProtector("Tinjau.Portal.Receipt.v1");

    public void Write(HttpContext http, Receipt receipt) =>
        http.Response.Cookies.Append(Name, _protector.Protect(JsonSerializer.Serialize(receipt)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/lapor",
            MaxAge = TimeSpan.FromHours(1),
            IsEssential = true,
        });

    public Receipt? Read(HttpContext http, string trackingNumber)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var value))
        {
            return null;
        }
        try
        {
            var receipt = JsonSerializer.Deserialize<Receipt>(_protector.Unprotect(value));
            return string.Equals(receipt?.TrackingNumber, trackingNumber, StringComparison.OrdinalIgnoreCase) ? receipt : null;
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>The photo types the complaints service accepts, recognised by their first bytes (it checks again).</summary>
public static class PhotoTypes
{
    public static string? Detect(ReadOnlySpan<byte> b) =>
        b is [0xFF, 0xD8, 0xFF, ..] ? "image/jpeg"
        : b is [0x89, (byte)'P', (byte)'N', (byte)'G', ..] ? "image/png"
        : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
