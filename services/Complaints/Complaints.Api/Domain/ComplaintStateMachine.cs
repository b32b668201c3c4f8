using System.Collections.Frozen;

namespace Tinjau.Complaints.Api.Domain;

/// <summary>
/// The transitions a complaint can take. Every action names the statuses it starts from and the status it ends in;
/// anything else is forbidden. Extra guards (answered or not, the reopen window) live in <see cref="Complaint"/>.
/// <code>
/// Menunggu ─verify→ Koordinasi ─dispose→ Disposisi ─start→ Proses ─answer→ Proses(answered) ─confirm/auto-close→ Selesai
/// </code>
/// </summary>
public static class ComplaintStateMachine
{
    private static readonly ComplaintStatus[] Open =
        [ComplaintStatus.Menunggu, ComplaintStatus.Koordinasi, ComplaintStatus.Disposisi, ComplaintStatus.Proses, ComplaintStatus.Ditunda];

    public static readonly FrozenDictionary<ComplaintAction, (ComplaintStatus[] From, ComplaintStatus To)> Transitions =
        new Dictionary<ComplaintAction, (ComplaintStatus[] From, ComplaintStatus To)>
        {
            [ComplaintAction.Verify] = ([ComplaintStatus.Menunggu], ComplaintStatus.Koordinasi),
            [ComplaintAction.Reject] = ([ComplaintStatus.Menunggu], ComplaintStatus.Ditolak),
            [ComplaintAction.Coordinate] = ([ComplaintStatus.Koordinasi, ComplaintStatus.Disposisi, ComplaintStatus.Proses], ComplaintStatus.Koordinasi),
            [ComplaintAction.Dispose] = ([ComplaintStatus.Koordinasi, ComplaintStatus.Disposisi, ComplaintStatus.Proses, ComplaintStatus.Ditunda], ComplaintStatus.Disposisi),
            [ComplaintAction.Start] = ([ComplaintStatus.Disposisi, ComplaintStatus.Ditunda], ComplaintStatus.Proses),
            [ComplaintAction.Answer] = ([ComplaintStatus.Proses], ComplaintStatus.Proses),
            [ComplaintAction.Confirm] = ([ComplaintStatus.Proses], ComplaintStatus.Selesai),
            [ComplaintAction.AutoClose] = ([ComplaintStatus.Proses], ComplaintStatus.Selesai),
            [ComplaintAction.Postpone] = ([ComplaintStatus.Menunggu, ComplaintStatus.Koordinasi, ComplaintStatus.Disposisi, ComplaintStatus.Proses], ComplaintStatus.Ditunda),
            [ComplaintAction.NotOurAuthority] = ([ComplaintStatus.Menunggu, ComplaintStatus.Koordinasi, ComplaintStatus.Disposisi], ComplaintStatus.BukanWewenang),
            [ComplaintAction.Archive] = ([ComplaintStatus.Selesai, ComplaintStatus.Ditolak, ComplaintStatus.BukanWewenang, ComplaintStatus.Ditunda], ComplaintStatus.Diarsipkan),
            [ComplaintAction.Reopen] = ([ComplaintStatus.Selesai, ComplaintStatus.Proses], ComplaintStatus.Proses),
            [ComplaintAction.Rate] = ([ComplaintStatus.Selesai], ComplaintStatus.Selesai),
            [ComplaintAction.Merge] = (Open, ComplaintStatus.Diarsipkan),
        }.ToFrozenDictionary();

    public static bool IsOpen(ComplaintStatus status) => Open.Contains(status);

    public static bool CanApply(ComplaintStatus from, ComplaintAction action) =>
        Transitions.TryGetValue(action, out var t) && t.From.Contains(from);

    /// <summary>The status after <paramref name="action"/>, or a <see cref="ComplaintConflictException"/> when it is forbidden.</summary>
    public static ComplaintStatus Next(ComplaintStatus from, ComplaintAction action)
    {
        if (!CanApply(from, action))
        {
            throw new ComplaintConflictException($"A complaint in status {from} cannot be {PastTense(action)}.");
        }
        return Transitions[action].To;
    }

    private static string PastTense(ComplaintAction action) => action switch
    {
        ComplaintAction.Verify => "verified",
        ComplaintAction.Coordinate => "coordinated",
        ComplaintAction.Dispose => "disposed",
        ComplaintAction.Start => "started",
        ComplaintAction.Answer => "answered",
        ComplaintAction.Confirm => "confirmed",
        ComplaintAction.AutoClose => "closed automatically",
        ComplaintAction.Postpone => "postponed",
        ComplaintAction.NotOurAuthority => "declared not our authority",
        ComplaintAction.Archive => "archived",
        ComplaintAction.Reject => "rejected",
        ComplaintAction.Reopen => "reopened",
        ComplaintAction.Rate => "rated",
        _ => "merged",
    };
}
