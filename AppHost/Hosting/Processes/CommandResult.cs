namespace Tinjau.AppHost.Hosting.Processes;

public sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
