namespace Tinjau.AppHost.Hosting;

/// <summary>Which throw-away servers <see cref="TestInfrastructure"/> starts.</summary>
public sealed class InfrastructureOptions
{
    public bool Postgres { get; init; } = true;

    public bool RabbitMq { get; init; } = true;

    public bool Redis { get; init; } = true;
}
