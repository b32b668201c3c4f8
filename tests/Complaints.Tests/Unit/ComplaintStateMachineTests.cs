using Tinjau.Complaints.Api.Domain;
using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Complaints.Tests.Unit;

public sealed class ComplaintStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero); // Monday 09:00 WIB
    private static readonly Actor Admin = Actor.Staff("admin-1", "complaint-admin", null);
    private static readonly Actor Staff = Actor.Staff("staff-1", "unit-staff", Guid.NewGuid());
    private static readonly UnitRef Kwitang = new(Guid.NewGuid(), "Kelurahan Kwitang", "31.71.05.1002", "Asia/Jakarta");
    private static readonly UnitRef Sudin = new(Guid.NewGuid(), "Sudin Bina Marga", "31.71.90", "Asia/Jakarta");

    public static Complaint NewComplaint(DateTimeOffset? at = null) => Complaint.File(
        new Complaint.Intake(ComplaintKind.Pengaduan, "jalan-rusak", "Jalan berlubang", new GeoPoint(-6.183, 106.8415), null, [], "jaki", null,
            Anonymous: false, Confidential: false, new Reporter { Name = "Budi" }),
        "JKT-2345-AB", "hash", "Asia/Jakarta", (at ?? T0).AddDays(3), at ?? T0);

    /// <summary>Brings a fresh complaint to <paramref name="status"/> along the allowed paths.</summary>
    public static Complaint In(ComplaintStatus status)
    {
        var c = NewComplaint();
        var t = T0;
        DateTimeOffset Next() => t = t.AddHours(1);
        switch (status)
        {
            case ComplaintStatus.Menunggu:
                break;
            case ComplaintStatus.Koordinasi:
                c.Verify(Admin, Next());
                break;
            case ComplaintStatus.Disposisi:
                c.Verify(Admin, Next());
                c.Dispose(Kwitang, "lokasi", T0.AddDays(7), Admin, Next());
                break;
            case ComplaintStatus.Proses:
                c.Verify(Admin, Next());
                c.Dispose(Kwitang, "lokasi", T0.AddDays(7), Admin, Next());
                c.Start(Staff, Next());
                break;
            case ComplaintStatus.Selesai:
                c.Verify(Admin, Next());
                c.Dispose(Kwitang, "lokasi", T0.AddDays(7), Admin, Next());
                c.Start(Staff, Next());
                c.RecordAnswer("Sudah ditambal", T0.AddDays(20), Staff, Next());
                c.Confirm(1, T0.AddDays(30), Admin, Next());
                break;
            case ComplaintStatus.Ditunda:
                c.Postpone("menunggu anggaran", Admin, Next());
                break;
            case ComplaintStatus.BukanWewenang:
                c.DeclareNotOurAuthority("jalan nasional", Admin, Next());
                break;
            case ComplaintStatus.Diarsipkan:
                c.Reject("spam", Admin, Next());
                c.Archive(null, Admin, Next());
                break;
            case ComplaintStatus.Ditolak:
                c.Reject("spam", Admin, Next());
                break;
        }
        Assert.Equal(status, c.Status);
        return c;
    }

    private static void Do(Complaint c, ComplaintAction action, DateTimeOffset at)
    {
        switch (action)
        {
            case ComplaintAction.Verify: c.Verify(Admin, at); break;
            case ComplaintAction.Coordinate: c.Coordinate(Kwitang, [Sudin.Id], "bersama", Admin, at); break;
            case ComplaintAction.Dispose: c.Dispose(Sudin, "jalan kota", at.AddDays(7), Admin, at); break;
            case ComplaintAction.Start: c.Start(Staff, at); break;
            case ComplaintAction.Answer: c.RecordAnswer("jawaban", at.AddDays(14), Staff, at); break;
            case ComplaintAction.Confirm: c.Confirm(2, at.AddDays(14), Admin, at); break;
            case ComplaintAction.AutoClose: c.AutoClose(2, at.AddDays(14), at.AddDays(100)); break;
            case ComplaintAction.Postpone: c.Postpone("tunda", Admin, at); break;
            case ComplaintAction.NotOurAuthority: c.DeclareNotOurAuthority("bukan", Admin, at); break;
            case ComplaintAction.Archive: c.Archive("arsip", Admin, at); break;
            case ComplaintAction.Reject: c.Reject("tolak", Admin, at); break;
            case ComplaintAction.Reopen: c.Reopen("belum beres", at.AddDays(7), at); break;
            case ComplaintAction.Rate: c.Rate(4, null, at); break;
            case ComplaintAction.Merge: c.MergeInto(NewComplaint(), Admin, at); break;
        }
    }

    public static TheoryData<ComplaintStatus, ComplaintAction, ComplaintStatus> Allowed()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintAction, ComplaintStatus>();
        foreach (var (action, (from, to)) in ComplaintStateMachine.Transitions)
        {
            foreach (var f in from)
            {
                data.Add(f, action, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Every_allowed_transition_is_taken(ComplaintStatus from, ComplaintAction action, ComplaintStatus to)
    {
        var c = In(from);
        // Guards beyond the status: confirm/auto-close need an answer, reopen from Proses too.
        if (from == ComplaintStatus.Proses && action is ComplaintAction.Confirm or ComplaintAction.AutoClose or ComplaintAction.Reopen)
        {
            c.RecordAnswer("jawaban", T0.AddDays(1), Staff, T0.AddHours(10));
        }
        Do(c, action, T0.AddDays(2));
        Assert.Equal(to, c.Status);
        Assert.Equal(action.ToName(), c.History[^1].Action);
    }

    public static TheoryData<ComplaintStatus, ComplaintAction> Forbidden()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintAction>();
        foreach (var status in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var action in Enum.GetValues<ComplaintAction>())
            {
                if (!ComplaintStateMachine.CanApply(status, action))
                {
                    data.Add(status, action);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Every_other_transition_is_refused(ComplaintStatus from, ComplaintAction action)
    {
        var c = In(from);
        var history = c.History.Count;
        Assert.Throws<ComplaintConflictException>(() => Do(c, action, T0.AddDays(2)));
        Assert.Equal(from, c.Status);
        Assert.Equal(history, c.History.Count);
    }

    [Fact]
    public void The_citizen_path_runs_from_Menunggu_to_Selesai_and_rating()
    {
        var c = NewComplaint();
        c.Verify(Admin, T0.AddHours(1));
        c.Dispose(Kwitang, "lokasi di Kwitang", T0.AddDays(7), Admin, T0.AddHours(2));
        c.Start(Staff, T0.AddHours(3));
        c.RecordAnswer("Jalan sudah ditambal", T0.AddDays(20), Staff, T0.AddDays(1));
        c.Confirm(1, T0.AddDays(14), Admin, T0.AddDays(1).AddHours(1));
        c.Rate(5, "cepat", T0.AddDays(2));

        Assert.Equal(ComplaintStatus.Selesai, c.Status);
        Assert.Equal(5, c.Rating);
        Assert.True(c.AnsweredWithinSla);
        Assert.Equal(["file", "verify", "dispose", "start", "answer", "confirm", "rate"], c.History.Select(h => h.Action));
        Assert.Contains(c.DomainEvents, e => e is ResolvedEvent);
        Assert.Contains(c.DomainEvents, e => e is RatedEvent { Rating: 5 });
    }

    [Fact]
    public void Confirm_needs_an_answer_and_answer_only_once()
    {
        var c = In(ComplaintStatus.Proses);
        Assert.Throws<ComplaintConflictException>(() => c.Confirm(1, T0.AddDays(9), Admin, T0.AddDays(1)));
        c.RecordAnswer("a", T0.AddDays(9), Staff, T0.AddDays(1));
        Assert.Throws<ComplaintConflictException>(() => c.RecordAnswer("b", T0.AddDays(9), Staff, T0.AddDays(1)));
    }

    [Fact]
    public void Rating_and_reopening_close_with_the_window()
    {
        var c = In(ComplaintStatus.Selesai); // reopen window until T0 + 30 days
        Assert.Throws<ComplaintConflictException>(() => c.Rate(3, null, T0.AddDays(31)));
        Assert.Throws<ComplaintConflictException>(() => c.Reopen(null, T0.AddDays(40), T0.AddDays(31)));
        c.Rate(3, null, T0.AddDays(29));
        Assert.Throws<ComplaintConflictException>(() => c.Rate(4, null, T0.AddDays(29)));
    }

    [Fact]
    public void Reopening_clears_the_answer_and_restarts_the_follow_up_clock()
    {
        var c = In(ComplaintStatus.Selesai);
        c.Reopen("masih berlubang", T0.AddDays(12), T0.AddDays(5));
        Assert.Equal(ComplaintStatus.Proses, c.Status);
        Assert.Null(c.AnsweredAt);
        Assert.Null(c.ResolvedAt);
        Assert.Equal(T0.AddDays(12), c.FollowUpDueAt);
        Assert.Equal(1, c.ReopenCount);
    }

    [Fact]
    public void Auto_close_waits_for_its_time()
    {
        var c = In(ComplaintStatus.Proses);
        c.RecordAnswer("a", T0.AddDays(14), Staff, T0.AddDays(1));
        Assert.Throws<ComplaintConflictException>(() => c.AutoClose(3, T0.AddDays(30), T0.AddDays(13)));
        c.AutoClose(3, T0.AddDays(30), T0.AddDays(14));
        Assert.Equal(ComplaintStatus.Selesai, c.Status);
        Assert.True(c.ClosedAutomatically);
        Assert.Equal(ActorKind.System, c.History[^1].ActorKind);
    }

    [Fact]
    public void Merging_archives_the_duplicate_and_tells_the_original()
    {
        var original = In(ComplaintStatus.Proses);
        var duplicate = NewComplaint();
        duplicate.MergeInto(original, Admin, T0.AddDays(1));
        Assert.Equal(ComplaintStatus.Diarsipkan, duplicate.Status);
        Assert.Equal(original.Id, duplicate.MergedIntoId);
        Assert.Equal(1, original.MergedCount);
        Assert.Equal("merge", original.History[^1].Action);
        Assert.Throws<ComplaintConflictException>(() => NewComplaint().MergeInto(In(ComplaintStatus.Ditolak), Admin, T0));
    }

    [Fact]
    public void History_never_names_the_reporter()
    {
        var c = In(ComplaintStatus.Selesai);
        c.Rate(2, null, T0.AddDays(3));
        Assert.All(c.History.Where(h => h.ActorKind == ActorKind.Reporter), h => Assert.Null(h.ActorUserId));
        Assert.DoesNotContain(c.History, h => h.Note?.Contains("Budi", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Overdue_deadlines_are_verification_first_then_follow_up()
    {
        var c = NewComplaint(); // verification due T0 + 3 days
        Assert.Null(c.OverdueDeadline(T0.AddDays(2)));
        Assert.Equal(SlaDeadline.Verification, c.OverdueDeadline(T0.AddDays(4))!.Value.Deadline);
        c.Verify(Admin, T0.AddDays(1));
        c.Dispose(Kwitang, "x", T0.AddDays(6), Admin, T0.AddDays(1));
        Assert.Null(c.OverdueDeadline(T0.AddDays(5)));
        Assert.Equal(SlaDeadline.FollowUp, c.OverdueDeadline(T0.AddDays(7))!.Value.Deadline);
        c.Start(Staff, T0.AddDays(6));
        c.RecordAnswer("a", T0.AddDays(20), Staff, T0.AddDays(8));
        Assert.Null(c.OverdueDeadline(T0.AddDays(9)));
        Assert.False(c.AnsweredWithinSla);
    }
}
