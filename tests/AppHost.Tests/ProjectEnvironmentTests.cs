using Tinjau.AppHost.Hosting;

namespace Tinjau.AppHost.Tests;

public sealed class ProjectEnvironmentTests
{
    [Fact]
    public void Uses_the_variable_names_Aspire_gives_a_project()
    {
        var env = ProjectEnvironment.Build(new ProjectEnvironmentInput(
            Name: "unitregistry",
            Url: "http://127.0.0.1:5111",
            OtlpEndpoint: "http://localhost:18888",
            InstanceId: "0c3e7b1c-6d0f-4c1e-9a57-2a8f0e1d9b10",
            LaunchProfileEnvironment: new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["ASPNETCORE_URLS"] = "http://ignored" },
            ConnectionStrings: [new("unitregistrydb", "Host=127.0.0.1;Port=15432;Database=unitregistrydb"), new("messaging", "amqp://guest:guest@127.0.0.1:15672"), new("cache", "127.0.0.1:16379")],
            ServiceUrls: [new("identity", "http://127.0.0.1:5180")],
            Extra: new Dictionary<string, string> { ["Features__X"] = "on" }));

        var expected = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__unitregistrydb"] = "Host=127.0.0.1;Port=15432;Database=unitregistrydb",
            ["ConnectionStrings__messaging"] = "amqp://guest:guest@127.0.0.1:15672",
            ["ConnectionStrings__cache"] = "127.0.0.1:16379",
            ["services__identity__http__0"] = "http://127.0.0.1:5180",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:18888",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "unitregistry",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=0c3e7b1c-6d0f-4c1e-9a57-2a8f0e1d9b10",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:5111",
            ["Features__X"] = "on",
        };
        Assert.Equal(expected.OrderBy(kv => kv.Key), env.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Reads_the_first_project_profile_of_launch_settings()
    {
        var profile = LaunchProfile.Parse("""
            {
              // comments are allowed
              "profiles": {
                "docker": { "commandName": "Docker", "environmentVariables": { "A": "docker" } },
                "http": {
                  "commandName": "Project",
                  "applicationUrl": "https://localhost:7001;http://localhost:5180",
                  "environmentVariables": { "ASPNETCORE_ENVIRONMENT": "Development" }
                }
              }
            }
            """);

        Assert.Equal(5180, profile.HttpPort);
        Assert.Equal("Development", Assert.Single(profile.EnvironmentVariables).Value);
    }

    [Fact]
    public void Backs_off_exponentially_up_to_thirty_seconds()
    {
        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(0, 7).Select(i => (int)RestartPolicy.Backoff(i).TotalSeconds));
    }

}

public class HealthAnswerTests
{
    [Theory]
    [InlineData("""{"status":"Healthy","checks":{}}""", true)]
    [InlineData("""{"status":"Degraded","checks":{"masstransit":{"status":"Degraded"}}}""", false)]
    [InlineData("""{"status":"Unhealthy"}""", false)]
    [InlineData("Healthy", true)]
    [InlineData("""{"checks":{}}""", true)]
    public void A_project_counts_as_healthy_only_when_its_health_answer_says_Healthy(string body, bool healthy) =>
        Assert.Equal(healthy, Tinjau.AppHost.Hosting.ProjectRunner.ReportsHealthy(body));
}
