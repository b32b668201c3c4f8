using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace Tinjau.Complaints.Tests.Unit;

/// <summary>
/// ServiceDefaults' sampler: every trace by default, a fraction of the traces that start in a service when
/// <c>Telemetry:TraceSampleRatio</c> says so, and always the spans of a trace that a caller sampled.
/// </summary>
public sealed class TraceSamplingTests
{
    private static SamplingDecision Decide(QuietBackgroundSampler sampler, ActivityKind kind, ActivityContext parent = default) =>
        sampler.ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "span", kind)).Decision;

    private static ActivityContext Parent(bool sampled) =>
        new(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None, isRemote: true);

    [Fact]
    public void By_default_every_request_starts_a_recorded_trace_and_background_client_calls_start_none()
    {
        var sampler = new QuietBackgroundSampler();
        Assert.All(Enumerable.Range(0, 200), _ => Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, ActivityKind.Server)));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, ActivityKind.Client));
    }

    [Fact]
    public void A_ratio_keeps_about_that_share_of_new_traces()
    {
        var sampler = new QuietBackgroundSampler(0.1);
        var kept = Enumerable.Range(0, 10_000).Count(_ => Decide(sampler, ActivityKind.Server) == SamplingDecision.RecordAndSample);
        Assert.InRange(kept, 700, 1_300);
        Assert.All(Enumerable.Range(0, 200), _ => Assert.NotEqual(SamplingDecision.RecordAndSample, Decide(new QuietBackgroundSampler(0), ActivityKind.Server)));
    }

    [Fact]
    public void A_span_follows_its_callers_decision_whatever_the_ratio()
    {
        var none = new QuietBackgroundSampler(0);
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(none, ActivityKind.Server, Parent(sampled: true)));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(none, ActivityKind.Client, Parent(sampled: true)));
        Assert.NotEqual(SamplingDecision.RecordAndSample, Decide(new QuietBackgroundSampler(), ActivityKind.Server, Parent(sampled: false)));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("sepuluh persen")]
    public void A_ratio_outside_zero_to_one_stops_the_service_at_start(string ratio)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration["Telemetry:TraceSampleRatio"] = ratio;
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddServiceDefaults());
        Assert.Contains("Telemetry:TraceSampleRatio", error.Message);
    }
}
