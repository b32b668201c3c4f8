using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The shape every domain service's <c>Program.cs</c> takes:
/// <code>
/// builder.AddServiceDefaults();
/// builder.AddEvaluations();          // the service's own registrations, calling AddServiceApi
/// var app = builder.Build();
/// app.MapEvaluations();              // UseServiceApi, then the service's endpoints
/// await app.MigrateDbContextAsync&lt;EvaluationsDbContext&gt;(EvaluationsSeed.SeedAsync);
/// await app.RunAsync();
/// </code>
/// </summary>
public static class ServiceApi
{
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
