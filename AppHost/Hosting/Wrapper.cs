namespace Tinjau.Hosting;

/// <summary>
/// Runs a server as a child of bash and turns SIGTERM (what DCP sends) into SIGINT: PostgreSQL takes TERM as a
/// "smart" shutdown that waits for every client, and DCP kills it a few seconds later; INT is its fast, clean shutdown.
/// Usage: <c>bash -c Script name command args…</c>.
/// </summary>
internal static class Wrapper
{
    public const string Script = """
        "$@" &
        child=$!
        trap 'kill -INT "$child" 2>/dev/null' TERM INT
        status=0
        while kill -0 "$child" 2>/dev/null; do wait "$child"; status=$?; done
        exit "$status"
        """;
}
