using System.Reflection;
using System.Text.Json.Nodes;
using Tinjau.Inspections.Api.Domain;

namespace Tinjau.Inspections.Tests;

public sealed class DisciplineLadderTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(2, null)]
    [InlineData(3, SanctionLevel.SpokenReprimand)]
    [InlineData(4, SanctionLevel.WrittenReprimand)]
    [InlineData(6, SanctionLevel.WrittenReprimand)]
    [InlineData(7, SanctionLevel.WrittenStatementOfDissatisfaction)]
    [InlineData(10, SanctionLevel.WrittenStatementOfDissatisfaction)]
    [InlineData(11, SanctionLevel.AllowanceCut25Percent6Months)]
    [InlineData(13, SanctionLevel.AllowanceCut25Percent6Months)]
    [InlineData(14, SanctionLevel.AllowanceCut25Percent9Months)]
    [InlineData(16, SanctionLevel.AllowanceCut25Percent9Months)]
    [InlineData(17, SanctionLevel.AllowanceCut25Percent12Months)]
    [InlineData(20, SanctionLevel.AllowanceCut25Percent12Months)]
    [InlineData(21, SanctionLevel.Demotion12Months)]
    [InlineData(24, SanctionLevel.Demotion12Months)]
    [InlineData(25, SanctionLevel.ReleaseFromPosition12Months)]
    [InlineData(27, SanctionLevel.ReleaseFromPosition12Months)]
    [InlineData(28, SanctionLevel.Dismissal)]
    [InlineData(60, SanctionLevel.Dismissal)]
    public void Suggests_the_PP_94_2021_level_for_unexcused_days_in_a_year(int days, SanctionLevel? expected) =>
        Assert.Equal(expected, DisciplineLadder.Suggest(days));

    [Fact]
    public void Ten_consecutive_working_days_mean_dismissal_whatever_the_total()
    {
        Assert.Equal(SanctionLevel.Dismissal, DisciplineLadder.Suggest(10, longestConsecutiveRun: 10));
        Assert.Equal(SanctionLevel.WrittenStatementOfDissatisfaction, DisciplineLadder.Suggest(10, longestConsecutiveRun: 9));
    }

    [Fact]
    public void A_weekend_does_not_break_a_run_of_working_days_but_a_missing_working_day_does()
    {
        // Mon 3 March 2025 … Fri 14 March 2025: ten working days across one weekend.
        var days = Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 3, 3).AddDays(i))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        Assert.Equal(10, DisciplineLadder.LongestConsecutiveRun(days));
        Assert.Equal(SanctionLevel.Dismissal, DisciplineLadder.Suggest(days.Count, DisciplineLadder.LongestConsecutiveRun(days)));

        days.Remove(new DateOnly(2025, 3, 7));
        Assert.Equal(5, DisciplineLadder.LongestConsecutiveRun(days));
    }

    [Fact]
    public void Holidays_and_cuti_bersama_between_absences_keep_them_in_one_run_of_ten()
    {
        // Fri 21 – Thu 27 March 2025 and Tue 8 – Mon 14 April 2025: between them only Nyepi, Idul Fitri, cuti bersama and weekends.
        var calendar = new WorkingDays(InspectionsUnits.Holidays);
        var days = new[] { 21, 24, 25, 26, 27 }.Select(d => new DateOnly(2025, 3, d))
            .Concat(new[] { 8, 9, 10, 11, 14 }.Select(d => new DateOnly(2025, 4, d))).ToList();
        Assert.Equal(10, DisciplineLadder.LongestConsecutiveRun(days, calendar));
        Assert.Equal(SanctionLevel.Dismissal, DisciplineLadder.Suggest(days.Count, DisciplineLadder.LongestConsecutiveRun(days, calendar)));
        // Without the holidays they are two runs.
        Assert.Equal(5, DisciplineLadder.LongestConsecutiveRun(days));
        // A working day present in between breaks the run.
        Assert.Equal(5, DisciplineLadder.LongestConsecutiveRun(days, new WorkingDays(InspectionsUnits.Holidays.Where(d => d != new DateOnly(2025, 4, 2)))));
    }

    [Fact]
    public void Deadlines_count_working_days_in_the_units_zone_and_the_rules_calendar_knows_New_Year()
    {
        var wib = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
        var calendar = new WorkingDays(InspectionsUnits.Holidays);
        // Thursday 27 March 2025 10:00 WIB + 5 working days: past Nyepi, Idul Fitri and cuti bersama to Monday 14 April.
        Assert.Equal(new DateTimeOffset(2025, 4, 14, 10, 0, 0, TimeSpan.FromHours(7)),
            calendar.Add(new DateTimeOffset(2025, 3, 27, 10, 0, 0, TimeSpan.FromHours(7)), 5, wib));
        // Friday 23:30 UTC is Saturday in WIB: + 1 is Monday.
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 6, 30, 0, TimeSpan.FromHours(7)),
            calendar.Add(new DateTimeOffset(2025, 3, 7, 23, 30, 0, TimeSpan.Zero), 1, wib));
        var rules = new WorkingDays(Enumerable.Range(2026, 2).SelectMany(WorkingDays.RuleDates));
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(7)),
            rules.Add(new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.FromHours(7)), 1, wib));
    }

    [Fact]
    public void This_year_and_today_are_read_in_the_units_zone_not_in_UTC()
    {
        // 31 December 2026 20:00 UTC is already 1 January 2027 in WIB (and in WIT).
        var newYearsEve = new DateTimeOffset(2026, 12, 31, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2027, 1, 1), Tinjau.Inspections.Api.Infrastructure.UnitZones.Today(newYearsEve, null));
        Assert.Equal(new DateOnly(2027, 1, 1), Tinjau.Inspections.Api.Infrastructure.UnitZones.Today(newYearsEve, "WIT"));
        Assert.Equal(new DateOnly(2026, 12, 31), Tinjau.Inspections.Api.Infrastructure.UnitZones.Today(newYearsEve.AddHours(-4), "WIB"));
    }

    [Fact]
    public void A_template_seeded_in_English_is_reworded_Indonesian_first_with_the_same_items()
    {
        var english = ChecklistTemplate.SidakV1Items.Select(i => new ChecklistItem(i.Code, i.TextEn!)).ToList();
        var template = ChecklistTemplate.Create(Guid.NewGuid(), ChecklistTemplate.DefaultCode, 1, "Sidak", english, "seed", DateTimeOffset.UnixEpoch);
        Assert.True(template.Reword(ChecklistTemplate.SidakV1Items));
        Assert.Equal("Kepala kantor hadir", template.Items.Single(i => i.Code == "head-present").Text);
        Assert.False(template.Reword(ChecklistTemplate.SidakV1Items));
        Assert.False(template.Reword(ChecklistTemplate.SidakV1Items.Take(3).ToList()));
    }

    [Theory]
    [InlineData(SanctionLevel.WrittenStatementOfDissatisfaction, SanctionGravity.Light)]
    [InlineData(SanctionLevel.AllowanceCut25Percent6Months, SanctionGravity.Medium)]
    [InlineData(SanctionLevel.AllowanceCut25Percent12Months, SanctionGravity.Medium)]
    [InlineData(SanctionLevel.Demotion12Months, SanctionGravity.Heavy)]
    public void Levels_have_their_gravity(SanctionLevel level, SanctionGravity gravity) => Assert.Equal(gravity, DisciplineLadder.Gravity(level));

    [Fact]
    public void Level_names_round_trip()
    {
        foreach (var level in Enum.GetValues<SanctionLevel>())
        {
            Assert.True(DisciplineLadder.TryParse(DisciplineLadder.Name(level), out var parsed));
            Assert.Equal(level, parsed);
        }
    }
}

public sealed class CheckInRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2025, 3, 10);

    private static CheckInFlags Assess(bool? inside, double? distance, DateTimeOffset? device = null, DateOnly? start = null, DateOnly? end = null) =>
        CheckInAssessment.Assess(inside, distance, 300, device ?? Now, Now, TimeSpan.FromMinutes(5), Day, start, end);

    [Fact]
    public void Inside_hours_and_close_is_not_flagged() => Assert.Equal(CheckInFlags.None, Assess(true, 25));

    [Fact]
    public void A_device_time_more_than_the_allowed_backdating_before_receipt_is_flagged_backdated()
    {
        CheckInFlags At(TimeSpan before) =>
            CheckInAssessment.Assess(true, 25, 300, Now - before, Now, TimeSpan.FromMinutes(5), Day, null, null, TimeSpan.FromHours(48));
        Assert.Equal(CheckInFlags.None, At(TimeSpan.FromHours(47)));
        Assert.Equal(CheckInFlags.None, At(TimeSpan.FromHours(48)));
        Assert.Equal(CheckInFlags.Backdated, At(TimeSpan.FromHours(48) + TimeSpan.FromSeconds(1)));
        Assert.Equal(CheckInFlags.Backdated, At(TimeSpan.FromDays(90)));
        Assert.Contains("backdated", CheckInAssessment.Names(At(TimeSpan.FromDays(90))));
    }

    [Fact]
    public void Out_of_hours_is_flagged() => Assert.Equal(CheckInFlags.OutsideServiceHours, Assess(false, 25));

    [Fact]
    public void Farther_than_the_limit_is_flagged_and_at_the_limit_is_not()
    {
        Assert.Equal(CheckInFlags.FarFromUnit, Assess(true, 300.1));
        Assert.Equal(CheckInFlags.None, Assess(true, 300));
    }

    [Fact]
    public void Unknown_hours_or_location_are_flagged_as_unverified() =>
        Assert.Equal(CheckInFlags.ServiceHoursUnverified | CheckInFlags.LocationUnverified, Assess(null, null));

    [Fact]
    public void A_device_clock_ahead_of_the_server_is_flagged_but_one_behind_is_not()
    {
        Assert.Equal(CheckInFlags.DeviceClockAhead, Assess(true, 10, Now.AddMinutes(6)));
        Assert.Equal(CheckInFlags.None, Assess(true, 10, Now.AddHours(-30)));
    }

    [Fact]
    public void A_visit_day_outside_the_plan_window_is_flagged()
    {
        Assert.Equal(CheckInFlags.OutsidePlanWindow, Assess(true, 10, start: Day.AddDays(1), end: Day.AddDays(5)));
        Assert.Equal(CheckInFlags.None, Assess(true, 10, start: Day, end: Day));
    }

    [Fact]
    public void Flag_names_are_kebab_case() =>
        Assert.Equal(["outside-service-hours", "far-from-unit"], CheckInAssessment.Names(CheckInFlags.OutsideServiceHours | CheckInFlags.FarFromUnit));
}

public sealed class GeoDistanceTests
{
    [Fact]
    public void Same_point_is_zero() => Assert.Equal(0, GeoDistance.Metres(-6.1826, 106.8412, -6.1826, 106.8412), 6);

    [Fact]
    public void Monas_to_Kwitang_is_about_two_kilometres()
    {
        var metres = GeoDistance.Metres(-6.1754, 106.8272, -6.1826, 106.8412);
        Assert.InRange(metres, 1650, 1850);
    }

    [Fact]
    public void Jakarta_to_Bandung_is_about_120_km()
    {
        var metres = GeoDistance.Metres(-6.2088, 106.8456, -6.9175, 107.6191);
        Assert.InRange(metres, 110_000, 125_000);
    }

    [Fact]
    public void One_degree_of_latitude_is_about_111_km() =>
        Assert.InRange(GeoDistance.Metres(0, 0, 1, 0), 111_000, 111_400);
}

public sealed class ComplianceScoreTests
{
    [Fact]
    public void Share_of_applicable_items_met_with_partly_as_half()
    {
        var score = ComplianceScore.Of([ChecklistAnswerValue.Yes, ChecklistAnswerValue.Partly, ChecklistAnswerValue.No,
            ChecklistAnswerValue.NotApplicable, ChecklistAnswerValue.Yes]);
        Assert.Equal(0.625m, score);
    }

    [Fact]
    public void All_not_applicable_gives_no_score() =>
        Assert.Null(ComplianceScore.Of([ChecklistAnswerValue.NotApplicable, ChecklistAnswerValue.NotApplicable]));

    [Fact]
    public void All_yes_is_one() => Assert.Equal(1m, ComplianceScore.Of([ChecklistAnswerValue.Yes, ChecklistAnswerValue.Yes]));

    [Fact]
    public void Template_v1_has_the_domain_items_and_new_versions_add_items()
    {
        var v1 = ChecklistTemplate.Create(Guid.NewGuid(), ChecklistTemplate.DefaultCode, 1, "Sidak", ChecklistTemplate.SidakV1Items, "t", DateTimeOffset.UnixEpoch);
        Assert.Equal(13, v1.Items.Count);
        Assert.Contains(v1.Items, i => i.Code == "lactation-room");
        var v2 = v1.NextVersion(Guid.NewGuid(), null, [new ChecklistItem("parking", "Parking for visitors")], ["toilet"], "t", DateTimeOffset.UnixEpoch);
        Assert.Equal(2, v2.Version);
        Assert.Contains(v2.Items, i => i.Code == "parking");
        Assert.DoesNotContain(v2.Items, i => i.Code == "toilet");
        Assert.Equal(13, v1.Items.Count);
    }
}

public sealed class SubmissionIdempotencyTests
{
    [Fact]
    public void A_first_submission_is_applied() =>
        Assert.Equal(SubmissionOutcome.Apply, SubmissionIdempotency.Decide(false, null, "abc"));

    [Fact]
    public void The_same_payload_again_is_a_replay() =>
        Assert.Equal(SubmissionOutcome.Replay, SubmissionIdempotency.Decide(true, "abc", "abc"));

    [Fact]
    public void Another_payload_under_the_same_id_is_a_conflict() =>
        Assert.Equal(SubmissionOutcome.Conflict, SubmissionIdempotency.Decide(true, "abc", "abd"));

    [Fact]
    public void Canonical_json_ignores_member_order_and_white_space()
    {
        var a = CanonicalJson.Canonicalize("""{ "b": 1, "a": { "y": [1, 2], "x": "é" } }""");
        var b = CanonicalJson.Canonicalize("""{"a":{"x":"é","y":[1,2]},"b":1}""");
        Assert.Equal(a, b);
        Assert.Equal("""{"a":{"x":"é","y":[1,2]},"b":1}""", a);
        // array order is meaningful
        Assert.NotEqual(a, CanonicalJson.Canonicalize("""{"a":{"x":"é","y":[2,1]},"b":1}"""));
    }
}

public sealed class HashChainTests
{
    private static SidakVisit NewVisit()
    {
        var visit = SidakVisit.Start(Guid.NewGuid(), null, Guid.NewGuid(), "Asia/Jakarta", new DateOnly(2025, 3, 10), new CheckIn
        {
            DeviceTime = new DateTimeOffset(2025, 3, 10, 10, 0, 0, TimeSpan.FromHours(7)),
            ReceivedAt = new DateTimeOffset(2025, 3, 10, 3, 0, 1, TimeSpan.Zero),
            Latitude = -6.1826,
            Longitude = 106.8412,
            InsideServiceHours = true,
            DistanceMetres = 12.345,
            CheckedInBy = "satgas-1",
        }, DateTimeOffset.UtcNow);
        visit.Append("note", new JsonObject { ["text"] = "one" }, "satgas-1", DateTimeOffset.UtcNow);
        visit.Append("note", new JsonObject { ["text"] = "two" }, "satgas-1", DateTimeOffset.UtcNow);
        return visit;
    }

    [Fact]
    public void An_untouched_chain_verifies_and_links_each_entry_to_the_previous_hash()
    {
        var visit = NewVisit();
        Assert.Empty(HashChain.Verify(visit.RecordEntries));
        Assert.Empty(visit.VerifyRecord());
        var entries = visit.RecordEntries.OrderBy(e => e.Sequence).ToList();
        Assert.Equal(HashChain.Genesis, entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
    }

    [Fact]
    public void A_changed_payload_is_detected()
    {
        var visit = NewVisit();
        var entry = visit.RecordEntries.Single(e => e.Sequence == 2);
        typeof(VisitRecordEntry).GetProperty(nameof(VisitRecordEntry.Payload), BindingFlags.Public | BindingFlags.Instance)!
            .SetValue(entry, """{"text":"ONE"}""");
        var problems = HashChain.Verify(visit.RecordEntries);
        Assert.Contains(problems, p => p.Sequence == 2);
    }

    [Fact]
    public void A_removed_entry_is_detected()
    {
        var visit = NewVisit();
        visit.RecordEntries.RemoveAll(e => e.Sequence == 2);
        Assert.NotEmpty(HashChain.Verify(visit.RecordEntries));
    }

    [Fact]
    public void A_changed_row_behind_the_chain_is_detected()
    {
        var visit = NewVisit();
        visit.CheckIn.Latitude = -6.2;
        Assert.Contains(visit.VerifyRecord(), p => p.Problem.Contains("check-in", StringComparison.Ordinal));
    }
}
