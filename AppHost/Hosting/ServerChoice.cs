using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Tinjau.Hosting;

/// <summary>The one rule for every server: Aspire's own resource when publishing, an existing server when its
/// <c>ConnectionStrings:&lt;name&gt;</c> is given, else a local server from the OS packages.</summary>
internal static class ServerChoice
{
    public static IResourceBuilder<IResourceWithConnectionString> For(IDistributedApplicationBuilder builder, string name,
        Func<IResourceBuilder<IResourceWithConnectionString>> published, Func<IResourceBuilder<IResourceWithConnectionString>> local)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return published();
        }

        return builder.Configuration.GetConnectionString(name) is { Length: > 0 }
            ? builder.AddConnectionString(name)
            : local();
    }
}
