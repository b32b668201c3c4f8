using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Tinjau.Complaints.Tests.Support;

namespace Tinjau.Portal.BrowserTests;

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalPlatformFixture>
{
    public const string Name = "portal";
}

/// <summary>
/// The whole platform behind its gateway, and a headless chromium (Debian's, no browser download). This is the one
/// place that knows how the platform is started: the real AppHost under Aspire.Hosting.Testing (free ports, throw-away
/// data, as tests/EndToEnd.Tests does); <c>PORTAL_TESTS_GATEWAY</c> points the tests at a platform that is already
/// running instead.
/// </summary>
public sealed class PortalPlatformFixture : IAsyncLifetime
{
    public const string DemoPassword = DemoUsers.Password;
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(5);
    private DistributedApplication? _app;
    private IPlaywright? _playwright;

    public Uri GatewayUrl { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots and other artefacts (git-ignored).</summary>
    public static string ArtifactsDirectory { get; } = Path.Combine(RepositoryRoot(), "tests", "Portal.BrowserTests", "artifacts");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        GatewayUrl = Environment.GetEnvironmentVariable("PORTAL_TESTS_GATEWAY") is { Length: > 0 } existing
            ? new Uri(existing)
            : await StartAppHostAsync();
        Http = new HttpClient { BaseAddress = GatewayUrl, Timeout = TimeSpan.FromSeconds(60) };
        _playwright = await Playwright.CreateAsync();
        // Pages answer through the gateway and up to three services; on a loaded 2-core runner a form post can take
        // longer than Playwright's 5 s default, so every expectation waits up to 20 s (still failing fast when wrong).
        Assertions.SetDefaultExpectTimeout(20_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        Http?.Dispose();
        if (_app is not null)
        {
            await KeepLogsAsync(_app);
            await _app.DisposeAsync();
        }
    }

    /// <summary>A phone (360 × 740) or desktop page in the given language (culture cookie), Indonesian by default.</summary>
    public async Task<IPage> NewPageAsync(bool phone = true, string? language = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 900 },
            BaseURL = GatewayUrl.ToString(),
            Locale = language == "en" ? "en-GB" : "id-ID",
            IsMobile = phone,
            HasTouch = phone,
        });
        if (language == "en")
        {
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=en-GB|uic=en-GB", Url = GatewayUrl.ToString() }]);
        }
        return await context.NewPageAsync();
    }

    public Task<string> TokenAsync(string user, string scope) => DemoUsers.TokenAsync(Http, user, scope);

    /// <summary>One number from a service's database (only when this run started the platform).</summary>
    public async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await _app!.GetConnectionStringAsync(database));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Whether this run started the platform itself (and may stop and start its parts).</summary>
    public bool OwnsPlatform => _app is not null;

    /// <summary>Stops one service (Aspire's stop command) until <see cref="StartServiceAsync"/>.</summary>
    public async Task StopServiceAsync(string resource)
    {
        await RunCommandAsync(resource, KnownResourceCommands.StopCommand);
        await _app!.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.TerminalStates);
    }

    /// <summary>Starts a stopped service again and waits until it is healthy.</summary>
    public async Task StartServiceAsync(string resource)
    {
        await RunCommandAsync(resource, KnownResourceCommands.StartCommand);
        await _app!.ResourceNotifications.WaitForResourceHealthyAsync(resource);
    }

    private async Task RunCommandAsync(string resource, string command)
    {
        var result = await _app!.ResourceCommands.ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} on {resource}: {result.Message}");
    }

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, string? token = null, object? json = null, int expected = 200)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The demo kelurahan most journeys use: Kwitang (Senen, Jakarta Pusat), Kemendagri code 31.71.04.1002.</summary>
    public const string KwitangCode = "31.71.04.1002";

    /// <summary>A unit's id by its code, as the registry has it (the seeded units' ids differ per run).</summary>
    public async Task<Guid> UnitIdAsync(string code) =>
        (await SendAsync(HttpMethod.Get, $"/api/units/by-code/{code}")).GetProperty("id").GetGuid();

    /// <summary>Kwitang's id (<see cref="KwitangCode"/>).</summary>
    public Task<Guid> KwitangAsync() => UnitIdAsync(KwitangCode);

    /// <summary>A whole sidak visit at a unit sent by the satgas through the API (one officer absent without reason, a finding).</summary>
    public async Task SubmitSidakVisitAsync(Guid unit)
    {
        var satgas = await TokenAsync("satgas@tinjau.local", "inspections");
        var checklist = (await SendAsync(HttpMethod.Get, "/api/inspections/checklists", satgas)).EnumerateArray()
            .Single(c => c.GetProperty("code").GetString() == "sidak-pelayanan");
        await SendAsync(HttpMethod.Put, $"/api/inspections/visits/{Guid.NewGuid()}/submission", satgas,
            Tinjau.Testing.SidakSamples.OneAbsentOfficer(unit, checklist.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!),
                -6.1826, 106.8412), expected: 201);
    }

    /// <summary>Adds a JPEG (with GPS in its EXIF) to a complaint as its reporter, with the tracking secret; the photo's id.</summary>
    public async Task<Guid> AddPhotoAsync(string trackingNumber, string secret)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(ExifPhotos.JpegWithGps());
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(part, "file", "foto.jpg");
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/complaints/track/{trackingNumber}/attachments") { Content = form };
        upload.Headers.Add("X-Tracking-Secret", secret);
        using var response = await Http.SendAsync(upload);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"photo upload: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The real AppHost under Aspire.Hosting.Testing, the gateway's address once all is healthy.</summary>
    private async Task<Uri> StartAppHostAsync()
    {
        _app = await PlatformApp.StartAsync(typeof(Projects.AppHost), configure: builder =>
            // The browser and this fixture's client all come from the loopback address: the public per-address limit
            // would throttle a test run that files and follows many reports in a minute.
            builder.CreateResourceBuilder<ProjectResource>(ResourceNames.Gateway)
                .WithEnvironment("Gateway__RateLimits__PublicPerMinute", "100000")
                // Every page a signed-in citizen opens renews their access token with the refresh token: a refresh
                // that fails signs them out, which the account tests would see.
                .ApplicationBuilder.CreateResourceBuilder<ProjectResource>(ResourceNames.Portal)
                .WithEnvironment("Portal__RefreshTokensBefore", "1.00:00:00"));
        return _app.GetEndpoint(ResourceNames.Gateway, "http");
    }

    /// <summary>Each service's own log (the exception behind a 500, say) as artifacts/logs/{resource}.log.</summary>
    private static async Task KeepLogsAsync(DistributedApplication app)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var folder = Directory.CreateDirectory(Path.Combine(ArtifactsDirectory, "logs")).FullName;
        foreach (var resource in app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ProjectResource>())
        {
            await using var file = new StreamWriter(Path.Combine(folder, resource.Name + ".log"));
            await foreach (var batch in logs.GetAllAsync(resource))
            {
                foreach (var line in batch)
                {
                    await file.WriteLineAsync(line.Content);
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test output.");
    }
}
