using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The shape every domain service takes. Its <c>Program.cs</c> is one call:
/// <code>
/// await ServiceApi.RunAsync&lt;EvaluationsDbContext&gt;(args, b => b.AddEvaluations(), app => app.MapEvaluations(), EvaluationsSeed.SeedAsync);
/// </code>
/// <c>AddEvaluations</c> (the service's own registrations) calls <see cref="AddServiceApi"/>; <c>MapEvaluations</c>
/// calls <see cref="UseServiceApi"/>, then maps the service's endpoints.
/// </summary>
public static class ServiceApi
{
    /// <summary>
    /// The whole program of a domain service: the defaults, its registrations, its pipeline and endpoints, its
    /// migrations and optional seed before it takes traffic, then run.
    /// </summary>
    public static async Task RunAsync<TContext>(string[] args, Action<WebApplicationBuilder> add, Action<WebApplication> map,
        Func<TContext, IServiceProvider, CancellationToken, Task>? seed = null) where TContext : DbContext
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        add(builder);
        var app = builder.Build();
        map(app);
        await app.MigrateDbContextAsync(seed);
        await app.RunAsync();
    }

    /// <summary>The service's OpenAPI document (<c>/openapi/v1.json</c>) with its title and description.</summary>
    public static IServiceCollection AddServiceApi(this IServiceCollection services, string title, string description) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = title;
            doc.Info.Description = description;
            return Task.CompletedTask;
        }));

    /// <summary>
    /// The pipeline of every domain service, in this order: forwarded headers (only those the service configured),
    /// one problem answer for any exception and any bare status code (<paramref name="statusCodePages"/> replaces the
    /// default writer), authentication, authorization; then the OpenAPI document, its Scalar reference at
    /// <c>/scalar</c>, and <c>/health</c> and <c>/alive</c>.
    /// </summary>
    public static WebApplication UseServiceApi(this WebApplication app, Func<StatusCodeContext, Task>? statusCodePages = null)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        if (statusCodePages is null)
        {
            app.UseStatusCodePages();
        }
        else
        {
            app.UseStatusCodePages(statusCodePages);
        }
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapDefaultEndpoints();
        return app;
    }
}
