using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Tinjau.Complaints.Api.Domain;

/// <summary>
/// Public tracking numbers like <c>JKT-7K3M-Q9</c>: a city prefix and six characters from an alphabet without the
/// look-alikes 0/O, 1/I/L and U/V (30 symbols, ~729 million numbers per prefix), drawn at random so numbers reveal
/// nothing about volume. Uniqueness is enforced by the database; a collision draws again.
/// </summary>
public static partial class TrackingNumber
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    public static string New(string prefix)
    {
        Span<char> c = stackalloc char[6];
        for (var i = 0; i < c.Length; i++)
        {
            c[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return $"{prefix.ToUpperInvariant()}-{c[..4]}-{c[4..]}";
    }

    /// <summary>Upper-cases and trims what a citizen typed.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    public static bool IsWellFormed(string value) => Pattern().IsMatch(value);

    [GeneratedRegex("^[A-Z]{2,5}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTWXYZ]{2}$")]
    private static partial Regex Pattern();
}
