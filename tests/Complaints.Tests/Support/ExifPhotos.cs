using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Tinjau.Complaints.Tests.Support;

/// <summary>Test photos as a phone writes them: a JPEG with an EXIF block holding the camera and a GPS position.</summary>
public static class ExifPhotos
{
    public const string Make = "TinjauTestCam";
    public const string Model = "Phone X-2026";

    public static byte[] Png(int width = 40, int height = 30) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <summary>A JPEG with EXIF Make, Model and GPS (6°10'59" S, 106°50'29" E, Kwitang).</summary>
    public static byte[] JpegWithGps(int width = 64, int height = 48)
    {
        var jpeg = Encode(width, height, SKEncodedImageFormat.Jpeg);
        var exif = ExifSegment();
        // SOI, then our APP1, then the rest of the file.
        return [.. jpeg.AsSpan(0, 2), .. exif, .. jpeg.AsSpan(2)];
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(200, 60, 40));
            using var paint = new SKPaint { Color = new SKColor(30, 90, 200) };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] ExifSegment()
    {
        var tiff = new byte[182];
        var s = tiff.AsSpan();
        "II"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);
        // IFD0 at 8: Make, Model, GPS pointer.
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], 3);
        Entry(s, 10, 0x010F, 2, 14, 50);
        Entry(s, 22, 0x0110, 2, 13, 64);
        Entry(s, 34, 0x8825, 4, 1, 80);
        BinaryPrimitives.WriteUInt32LittleEndian(s[46..], 0);
        Encoding.ASCII.GetBytes(Make + "\0").CopyTo(s[50..]);
        Encoding.ASCII.GetBytes(Model + "\0").CopyTo(s[64..]);
        // GPS IFD at 80: LatitudeRef, Latitude, LongitudeRef, Longitude.
        BinaryPrimitives.WriteUInt16LittleEndian(s[80..], 4);
        Entry(s, 82, 0x0001, 2, 2, BinaryPrimitives.ReadUInt32LittleEndian("S\0\0\0"u8));
        Entry(s, 94, 0x0002, 5, 3, 134);
        Entry(s, 106, 0x0003, 2, 2, BinaryPrimitives.ReadUInt32LittleEndian("E\0\0\0"u8));
        Entry(s, 118, 0x0004, 5, 3, 158);
        BinaryPrimitives.WriteUInt32LittleEndian(s[130..], 0);
        Rationals(s, 134, [(6, 1), (10, 1), (59, 1)]);
        Rationals(s, 158, [(106, 1), (50, 1), (29, 1)]);
        var payload = new byte[6 + tiff.Length];
        "Exif\0\0"u8.CopyTo(payload);
        tiff.CopyTo(payload, 6);
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);
        return segment;
    }

    private static void Entry(Span<byte> s, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 4)..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 8)..], value);
    }

    private static void Rationals(Span<byte> s, int at, (uint N, uint D)[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 8 * i)..], values[i].N);
            BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 8 * i + 4)..], values[i].D);
        }
    }
}
