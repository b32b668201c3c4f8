using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tinjau.Complaints.Tests.Unit;

/// <summary>ServiceDefaults keeps per-request Information lines out of every service's logs, and a service can turn one back on.</summary>
public sealed class LogLevelDefaultsTests
{
    private static ILoggerFactory Loggers(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }
        builder.AddServiceDefaults();
        return builder.Build().Services.GetRequiredService<ILoggerFactory>();
    }

    [Theory]
    [InlineData("System.Net.Http.HttpClient.IUnitRegistryClient.LogicalHandler")]
    [InlineData("Polly")]
    [InlineData("Microsoft.EntityFrameworkCore.Database.Command")]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware")]
    public void Per_request_categories_log_warnings_only(string category)
    {
        var logger = Loggers().CreateLogger(category);
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void A_service_logs_its_own_information_and_its_configuration_can_turn_a_quiet_category_back_on()
    {
        var loggers = Loggers(("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information"));
        Assert.True(loggers.CreateLogger("Tinjau.Complaints.Api.Application.ComplaintIntake").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.EntityFrameworkCore.Database.Command").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.EntityFrameworkCore.Query").IsEnabled(LogLevel.Information));
    }
}
