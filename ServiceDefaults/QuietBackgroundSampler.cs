using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Parent-based sampling that drops client spans which start a trace of their own: a database query, cache call or
/// HTTP call made outside any request or message (health checks, idle polling). Everything inside a trace is kept.
/// </summary>
public sealed class QuietBackgroundSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private readonly Sampler _inner = new ParentBasedSampler(new AlwaysOnSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.ParentContext.TraceId == default && samplingParameters.Kind == ActivityKind.Client
            ? Drop
            : _inner.ShouldSample(samplingParameters);
}
