namespace Tinjau.AppHost.Tests;

/// <summary>A throw-away repository root (Platform.sln) with a project that has no build output, and a state folder.</summary>
public sealed class FakeRepository : IDisposable
{
    public FakeRepository()
    {
        Root = Path.Combine("/tmp", "tinjau-test-repo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(Root, "svc", "Properties"));
        File.WriteAllText(Path.Combine(Root, "Platform.sln"), "");
        File.WriteAllText(Path.Combine(Root, "svc", "Svc.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk.Web\"><PropertyGroup><AssemblyName>Fake.Svc</AssemblyName></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(Root, "svc", "Properties", "launchSettings.json"),
            """{ "profiles": { "http": { "commandName": "Project", "applicationUrl": "http://localhost:5999", "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development" } } } }""");
        State = Path.Combine(Root, ".state");
    }

    public string Root { get; }

    public string State { get; }

    public string[] Args(params string[] more) =>
        ["--AppHost:RepositoryRoot=" + Root, "--AppHost:StateDirectory=" + State, .. more];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
