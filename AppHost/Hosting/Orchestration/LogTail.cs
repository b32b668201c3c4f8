namespace Tinjau.AppHost.Hosting;

/// <summary>Follows a log file a daemon writes (PostgreSQL) and forwards new lines.</summary>
internal sealed class LogTail(string file, Action<string> line)
{
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public void Start()
    {
        var offset = File.Exists(file) ? new FileInfo(file).Length : 0;
        _loop = Task.Run(() => FollowAsync(offset, _stop.Token));
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    private async Task FollowAsync(long offset, CancellationToken ct)
    {
        var pending = "";
        while (true)
        {
            var stopping = ct.IsCancellationRequested;
            try
            {
                if (File.Exists(file))
                {
                    await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    if (stream.Length > offset)
                    {
                        stream.Seek(offset, SeekOrigin.Begin);
                        using var reader = new StreamReader(stream);
                        var text = pending + await reader.ReadToEndAsync(CancellationToken.None);
                        offset = stream.Length;
                        var lines = text.Split('\n');
                        pending = lines[^1];
                        foreach (var l in lines[..^1])
                        {
                            line(l.TrimEnd('\r'));
                        }
                    }
                }
            }
            catch (IOException)
            {
            }

            if (stopping)
            {
                return;
            }

            try
            {
                await Task.Delay(300, ct);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
