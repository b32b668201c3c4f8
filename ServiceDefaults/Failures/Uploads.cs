using System.Text;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every upload goes through: its type is read from its first bytes (never from its name or declared type) and
/// must be on the caller's allow-list; its name is reduced to a plain file name fit for a header.
/// Stored files are served with <c>X-Content-Type-Options: nosniff</c> and a <c>Content-Disposition</c> built from
/// that name.
/// </summary>
public static class Uploads
{
    /// <summary>The media type the content is, by its signature: JPEG, PNG, WebP, HEIC or PDF; null for anything else.</summary>
    public static string? DetectType(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }
        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)
            && (head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("heix"u8) || head[8..12].SequenceEqual("mif1"u8)))
        {
            return "image/heic";
        }
        if (head.Length >= 5 && head[..5].SequenceEqual("%PDF-"u8))
        {
            return "application/pdf";
        }
        return null;
    }

    /// <summary>
    /// The last segment of <paramref name="name"/> (after any <c>/</c> or <c>\</c>), without control characters,
    /// quotes or surrounding dots and spaces, at most 255 characters; <paramref name="fallback"/> when nothing is left.
    /// </summary>
    public static string SafeFileName(string? name, string fallback)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('"' or ':' or '*' or '?' or '<' or '>' or '|'))
            {
                clean.Append(c);
            }
        }
        var result = clean.ToString().Trim().Trim('.').Trim();
        if (result.Length > 255)
        {
            result = result[..255];
        }
        return result.Length == 0 ? fallback : result;
    }
}
