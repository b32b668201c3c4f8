using System.Text.RegularExpressions;

namespace Tinjau.AppHost.Hosting;

/// <summary>Where a project's build output is: {dir}/bin/{Configuration}/{tfm}/{AssemblyName}.dll.</summary>
public sealed partial record ProjectLayout(string ProjectFile, string ProjectDirectory, string AssemblyName, string TargetFramework)
{
    public static ProjectLayout Read(string repositoryRoot, string projectPath)
    {
        var file = Path.GetFullPath(Path.Combine(repositoryRoot, projectPath));
        var text = File.Exists(file) ? File.ReadAllText(file) : throw new FileNotFoundException($"Project file not found: {file}", file);
        var assembly = AssemblyNamePattern().Match(text) is { Success: true } a ? a.Groups[1].Value.Trim() : Path.GetFileNameWithoutExtension(file);
        var framework = TargetFrameworkPattern().Match(text) is { Success: true } t ? t.Groups[1].Value.Trim() : "net10.0";
        return new ProjectLayout(file, Path.GetDirectoryName(file)!, assembly, framework);
    }

    public string OutputAssembly(string configuration) =>
        Path.Combine(ProjectDirectory, "bin", configuration, TargetFramework, AssemblyName + ".dll");

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNamePattern();

    [GeneratedRegex("<TargetFramework>([^<;]+)</TargetFramework>")]
    private static partial Regex TargetFrameworkPattern();
}
