namespace Tinjau.AppHost.Hosting.Processes;

/// <summary>
/// A server's console output appended to a file. Output lines are delivered on thread-pool threads and can still
/// arrive after the process's exit was observed, so writing after <see cref="Dispose"/> is a no-op, never an error.
/// </summary>
internal sealed class ServerLogFile(string path) : IDisposable
{
    private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };
    private readonly Lock _lock = new();
    private bool _closed;

    public void WriteLine(string line)
    {
        lock (_lock)
        {
            if (!_closed)
            {
                _writer.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (!_closed)
            {
                _closed = true;
                _writer.Dispose();
            }
        }
    }
}
