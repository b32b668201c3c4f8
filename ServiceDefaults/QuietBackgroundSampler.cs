using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Parent-based sampling that drops client spans which start a trace of their own: a database query, cache call or
/// HTTP call made outside any request or message (health checks, idle polling). Everything inside a sampled trace is
/// kept. A trace that starts here (a request from outside, a timer's work) is kept with probability
/// <paramref name="rootRatio"/> (<c>Telemetry:TraceSampleRatio</c>, default 1: every trace), decided by its trace id, so
/// the services that a sampled request reaches keep it too.
/// </summary>
public sealed class QuietBackgroundSampler(double rootRatio = 1.0) : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private readonly Sampler _inner = new ParentBasedSampler(
        rootRatio >= 1.0 ? new AlwaysOnSampler() : new TraceIdRatioBasedSampler(rootRatio));

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.ParentContext.TraceId == default && samplingParameters.Kind == ActivityKind.Client
            ? Drop
            : _inner.ShouldSample(samplingParameters);
}
