using System.Security.Cryptography;
using System.Text;

namespace Tinjau.Complaints.Api.Application;

/// <summary>
/// The reporter's tracking secret, a bearer value like a password: the database keeps only its SHA-256
/// (<see cref="Domain.Complaint.TrackingSecretHash"/>), never the secret. A submission with an Idempotency-Key gets
/// a secret derived from the key and the request (HMAC with <see cref="ComplaintsOptions.TrackingSecretKey"/>), so
/// that a retry is answered with the same secret without storing it; without a key the secret is random.
/// </summary>
public sealed class TrackingSecrets
{
    private readonly byte[] _key;

    public TrackingSecrets(IOptions<ComplaintsOptions> options, ILogger<TrackingSecrets> logger)
    {
        var configured = options.Value.TrackingSecretKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            logger.LogWarning("Complaints:TrackingSecretKey is not set: a retried submission gets its tracking secret only until this process restarts");
            _key = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            _key = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        }
    }

    public string For(string? idempotencyKey, string requestHash) =>
        idempotencyKey is null
            ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))
            : Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{idempotencyKey}\n{requestHash}")))[..32];
}
