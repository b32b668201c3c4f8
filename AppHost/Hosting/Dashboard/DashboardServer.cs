using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tinjau.AppHost.Hosting;

namespace Tinjau.AppHost.Dashboard;

/// <summary>
/// Kestrel app: OTLP/HTTP protobuf receiver (/v1/traces, /v1/metrics, /v1/logs), JSON API and an HTML page.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, string url, SpanStore spans)
    {
        _app = app;
        Url = url;
        Spans = spans;
    }

    /// <summary>Base URL; also the OTLP endpoint given to projects.</summary>
    public string Url { get; }

    public SpanStore Spans { get; }

    /// <param name="port">0 for a free port on 127.0.0.1; otherwise listens on localhost:port.</param>
    public static async Task<DashboardServer> StartAsync(Func<IReadOnlyList<ResourceSnapshot>> resources, int port, SpanStore? spans = null, CancellationToken ct = default)
    {
        spans ??= new SpanStore();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (port == 0)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenLocalhost(port);
            }
        });

        var app = builder.Build();
        Map(app, resources, spans);
        try
        {
            await app.StartAsync(ct);
        }
        catch (Exception ex) when (port != 0 && ex is IOException or InvalidOperationException)
        {
            await app.DisposeAsync();
            throw new PortAlreadyInUseException("dashboard", port);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var url = port == 0 ? address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) : $"http://localhost:{port}";
        return new DashboardServer(app, url, spans);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Map(WebApplication app, Func<IReadOnlyList<ResourceSnapshot>> resources, SpanStore spans)
    {
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            var body = await ReadBodyAsync(request);
            try
            {
                spans.Add(OtlpTraceDecoder.Decode(body));
            }
            catch (Google.Protobuf.InvalidProtocolBufferException)
            {
                return Results.BadRequest();
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        app.MapPost("/v1/metrics", () => Results.Bytes([], "application/x-protobuf"));
        app.MapPost("/v1/logs", () => Results.Bytes([], "application/x-protobuf"));

        app.MapGet("/api/resources", () => Results.Json(resources()));
        app.MapGet("/api/traces", (string? service, int? limit) => Results.Json(spans.GetTraces(service, limit ?? 50)));
        app.MapGet("/api/traces/{traceId}", (string traceId) =>
        {
            var trace = spans.GetTrace(traceId);
            return trace.Count == 0 ? Results.NotFound() : Results.Json(trace);
        });
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        Stream body = request.Body;
        if (string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
