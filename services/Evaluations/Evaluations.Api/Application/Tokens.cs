using System.Security.Cryptography;
using System.Text;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>Single-use tokens for people without an account (F03 invitations, SKM responses): only their hashes are stored.</summary>
public static class Tokens
{
    /// <summary>A new random token of <paramref name="bytes"/> bytes, base64url without padding.</summary>
    public static string New(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
