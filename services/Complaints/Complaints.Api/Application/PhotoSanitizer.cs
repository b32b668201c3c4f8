using SkiaSharp;

namespace Tinjau.Complaints.Api.Application;

/// <summary>A cleaned photo, ready to store.</summary>
public sealed record SanitizedPhoto(byte[] Content, string ContentType, int Width, int Height);

public abstract record PhotoCheck
{
    public sealed record Accepted(SanitizedPhoto Photo) : PhotoCheck;
    public sealed record Rejected(string Reason) : PhotoCheck;
}

/// <summary>
/// Checks an uploaded photo by its content (magic bytes, never the file name or the declared type: JPEG, PNG and WebP
/// only), decodes it, turns it upright according to its EXIF orientation, shrinks it to at most
/// <paramref name="maxDimension"/> pixels on its longer side and re-encodes it. Re-encoding writes pixels only, so
/// EXIF (GPS position, camera make and model, times), XMP, IPTC and comments are all gone from what is stored.
/// </summary>
public sealed class PhotoSanitizer(int maxDimension = 2560, long maxPixels = 50_000_000)
{
    private static readonly string[] Accepted = ["image/jpeg", "image/png", "image/webp"];

    public static string? DetectType(ReadOnlySpan<byte> head) => Uploads.DetectType(head) is { } type && Accepted.Contains(type) ? type : null;

    public PhotoCheck Sanitize(byte[] upload)
    {
        var type = DetectType(upload);
        if (type is null)
        {
            return new PhotoCheck.Rejected("Only JPEG, PNG or WebP photos are accepted.");
        }
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return new PhotoCheck.Rejected("The photo cannot be read.");
        }
        if ((long)codec.Info.Width * codec.Info.Height > maxPixels)
        {
            return new PhotoCheck.Rejected("The photo has too many pixels.");
        }
        var origin = codec.EncodedOrigin;
        using var decoded = SKBitmap.Decode(codec, codec.Info.WithAlphaType(SKAlphaType.Premul).WithColorType(SKColorType.Rgba8888));
        if (decoded is null)
        {
            return new PhotoCheck.Rejected("The photo cannot be read.");
        }
        using var upright = Orient(decoded, origin);
        using var sized = Shrink(upright);
        using var image = SKImage.FromBitmap(sized);
        var (format, quality) = type switch
        {
            "image/png" => (SKEncodedImageFormat.Png, 100),
            "image/webp" => (SKEncodedImageFormat.Webp, 85),
            _ => (SKEncodedImageFormat.Jpeg, 85),
        };
        using var encoded = image.Encode(format, quality);
        if (encoded is null)
        {
            return new PhotoCheck.Rejected("The photo cannot be read.");
        }
        return new PhotoCheck.Accepted(new SanitizedPhoto(encoded.ToArray(), type, sized.Width, sized.Height));
    }

    private SKBitmap Shrink(SKBitmap source)
    {
        var longer = Math.Max(source.Width, source.Height);
        if (longer <= maxDimension)
        {
            return source.Copy();
        }
        var scale = (double)maxDimension / longer;
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)),
            source.ColorType, source.AlphaType);
        return source.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)) ?? source.Copy();
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (w, h) = swap ? (source.Height, source.Width) : (source.Width, source.Height);
        var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Scale(-1, 1, w / 2f, 0);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.RotateDegrees(180, w / 2f, h / 2f);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Scale(1, -1, 0, h / 2f);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.Scale(-1, 1, w / 2f, 0);
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Scale(-1, 1, w / 2f, 0);
                canvas.Translate(0, h);
                canvas.RotateDegrees(-90);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, h);
                canvas.RotateDegrees(-90);
                break;
        }
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
