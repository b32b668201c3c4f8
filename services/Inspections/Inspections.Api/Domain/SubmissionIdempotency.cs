namespace Tinjau.Inspections.Api.Domain;

public enum SubmissionOutcome
{
    /// <summary>Not submitted yet: apply the payload.</summary>
    Apply,
    /// <summary>Already submitted with the same payload: change nothing, answer as before.</summary>
    Replay,
    /// <summary>Already submitted with another payload under the same id: refuse (409).</summary>
    Conflict,
}

/// <summary>
/// Offline devices re-send a submission until they see an answer. The fingerprint is the SHA-256 of the canonical
/// JSON of the request (with every evidence file's SHA-256), so the same payload is recognised whatever the
/// member order or white space.
/// </summary>
public static class SubmissionIdempotency
{
    public static SubmissionOutcome Decide(bool alreadySubmitted, string? storedFingerprint, string incomingFingerprint) =>
        !alreadySubmitted ? SubmissionOutcome.Apply
        : string.Equals(storedFingerprint, incomingFingerprint, StringComparison.Ordinal) ? SubmissionOutcome.Replay
        : SubmissionOutcome.Conflict;
}
