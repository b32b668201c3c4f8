using System.Net;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Tinjau.EndToEnd.Tests;

/// <summary>What the end-to-end tests do often against a running platform: demo users' tokens and the resource list.</summary>
public static class Platform
{
    public const string DemoPassword = DemoUsers.Password;

    /// <summary>A token for a demo user, obtained through the gateway like the README's curl line.</summary>
    public static Task<string> TokenAsync(HttpClient gateway, string user, string scope) => DemoUsers.TokenAsync(gateway, user, scope);

    /// <summary>
    /// A kelurahan of a test's own under Kecamatan Senen, registered by the admin at the point given (a corner of the
    /// city far from the seeded kelurahan, so that complaints filed there are that test's alone); its id.
    /// </summary>
    public static async Task<Guid> RegisterKelurahanAsync(HttpClient gateway, string name, string codeFrom, double latitude, double longitude)
    {
        var admin = await TokenAsync(gateway, "admin@tinjau.local", "unitregistry");
        var senen = (await gateway.GetFromJsonAsync<JsonElement>("/api/units/by-code/31.71.04")).GetProperty("id").GetGuid();
        using var create = await gateway.SendAsync(Authorized(HttpMethod.Post, "/api/units", admin, new
        {
            code = $"31.71.04.{codeFrom}{Random.Shared.Next(0, 999):D3}",
            name = $"{name} {Guid.NewGuid():N}"[..40],
            type = "kelurahan",
            parentId = senen,
            location = new { latitude, longitude },
            timeZone = "WIB",
        }));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        return (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static HttpRequestMessage Authorized(HttpMethod method, string uri, string token, object? json = null)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }
        return request;
    }

    /// <summary>Process ids of every resource DCP runs (servers and services), from Aspire's resource snapshots.</summary>
    public static IReadOnlyList<int> ResourcePids(DistributedApplication app) =>
        app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Select(r => app.ResourceNotifications.TryGetCurrentState(r.Name, out var e) ? e.Snapshot : null)
            .SelectMany(s => s?.Properties ?? [])
            .Where(p => p.Name.EndsWith(".pid", StringComparison.Ordinal))
            .Select(p => p.Value is int pid ? pid : int.TryParse(p.Value?.ToString(), out var parsed) ? parsed : 0)
            .Where(pid => pid > 0)
            .Distinct()
            .ToList();

    /// <summary>True while the process runs (a zombie waiting to be reaped by PID 1 has ended).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Processes whose command line names <paramref name="fragment"/> (e.g. the state folder).</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string fragment) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsRunning(pid))
            .Where(pid =>
            {
                try
                {
                    return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(fragment, StringComparison.Ordinal);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return false;
                }
            })
            .ToList();
}
