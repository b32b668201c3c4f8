using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Tinjau.Portal.Web.Components.Shared;

namespace Tinjau.Portal.BrowserTests;

/// <summary>Pure logic, no browser: a questionnaire a few questions per screen.</summary>
public sealed class SurveyStepsTests
{
    private static readonly string[] Nine = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];

    private static FormCollection Form(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => new StringValues(v.Value)));

    [Fact]
    public void Nine_questions_three_a_screen_make_three_steps_and_unanswered_ones_are_named()
    {
        var steps = new SurveySteps(Nine, perScreen: 3, minimum: 1, maximum: 4);
        Assert.Equal(3, steps.Steps);
        var missing = steps.Read(Form(("step", "1"), ("q_U1", "4"), ("q_U4", "3"), ("q_U5", "9")));
        Assert.Equal(["U5", "U6"], missing);
        Assert.Equal(["U4", "U5", "U6"], steps.Current);
        Assert.Equal(["U1"], steps.Elsewhere.Select(a => a.Key));
        Assert.False(steps.Complete);
    }

    [Fact]
    public void Answers_outside_the_scale_and_steps_outside_the_range_are_ignored()
    {
        var steps = new SurveySteps(["Q1", "Q2"], perScreen: 4, minimum: 0, maximum: 5);
        var missing = steps.Read(Form(("step", "7"), ("q_Q1", "0"), ("q_Q2", "-1")));
        Assert.Equal(0, steps.Step);
        Assert.True(steps.IsLast);
        Assert.Equal(["Q2"], missing);
        Assert.Equal(0, steps.Answers["Q1"]);
    }
}
