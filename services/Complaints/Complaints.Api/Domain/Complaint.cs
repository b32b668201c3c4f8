namespace Tinjau.Complaints.Api.Domain;

/// <summary>
/// A citizen complaint (pengaduan), aspiration or information request, from any channel. The aggregate enforces
/// <see cref="ComplaintStateMachine"/> and keeps its own history; SLA deadlines (computed in working days by
/// the caller, who knows the unit's calendar) are stored on it.
/// </summary>
public sealed class Complaint : IRaiseIntegrationEvents
{
    private readonly List<ComplaintHistoryEntry> _history = [];
    private readonly List<ComplaintDomainEvent> _events = [];

    private Complaint()
    {
    }

    public Guid Id { get; private set; }
    public string TrackingNumber { get; private set; } = "";

    /// <summary>SHA-256 of the secret handed to the reporter at intake (lets them rate or reopen without an account).</summary>
    public string TrackingSecretHash { get; private set; } = "";

    public ComplaintKind Kind { get; private set; }
    public string Category { get; private set; } = "";
    public string Description { get; private set; } = "";
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string? Address { get; private set; }
    public List<string> MediaUrls { get; private set; } = [];
    public string Channel { get; private set; } = "";
    public string? ChannelReference { get; private set; }

    /// <summary>anonim: the reporter's identity is hidden from everyone handling the complaint.</summary>
    public bool Anonymous { get; private set; }

    /// <summary>rahasia: the complaint never appears in public listings.</summary>
    public bool Confidential { get; private set; }

    public Reporter Reporter { get; private set; } = new();

    public ComplaintStatus Status { get; private set; }

    /// <summary>The responsible unit.</summary>
    public Guid? UnitId { get; private set; }
    public string? UnitName { get; private set; }
    public string? UnitCode { get; private set; }

    /// <summary>The IANA time zone deadlines are counted in (the responsible unit's, else the city's).</summary>
    public string TimeZone { get; private set; } = IndonesianTimeZones.Wib;

    public List<Guid> CoordinatingUnitIds { get; private set; } = [];

    /// <summary>The parent unit a missed deadline escalated to; it may then see and act on the complaint.</summary>
    public Guid? EscalatedToUnitId { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset? DisposedAt { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public bool ClosedAutomatically { get; private set; }
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    public int ReopenCount { get; private set; }

    public DateTimeOffset VerificationDueAt { get; private set; }
    public DateTimeOffset? FollowUpDueAt { get; private set; }
    public DateTimeOffset? AutoCloseAt { get; private set; }
    public DateTimeOffset? ReopenUntil { get; private set; }

    /// <summary>Working days from filing to Selesai (in the unit's calendar).</summary>
    public int? WorkingDaysToResolve { get; private set; }

    /// <summary>Whether the (last) answer came before the follow-up deadline.</summary>
    public bool? AnsweredWithinSla { get; private set; }

    public Guid? ProbableDuplicateOfId { get; private set; }
    public Guid? MergedIntoId { get; private set; }
    public int MergedCount { get; private set; }

    /// <summary>Row version (PostgreSQL xmin): concurrent changes of one complaint fail instead of overwriting.</summary>
    public uint Version { get; private set; }

    public IReadOnlyList<ComplaintHistoryEntry> History => _history;

    /// <summary>How many history entries the complaint has: gives each entry its position (timestamps can tie).</summary>
    public int HistoryLength { get; private set; }

    public IReadOnlyList<ComplaintDomainEvent> DomainEvents => _events;

    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>
    /// The deadline running now: verification while nobody has disposed the complaint, the unit's follow-up until it
    /// is answered, then the auto-close time; none for a closed or postponed complaint. PostgreSQL stores the same rule
    /// as the computed column <c>RunningDeadline</c>, so that inboxes sort and filter on an index.
    /// </summary>
    public DateTimeOffset? CurrentDeadline => Status switch
    {
        ComplaintStatus.Menunggu or ComplaintStatus.Koordinasi when DisposedAt is null => VerificationDueAt,
        ComplaintStatus.Koordinasi or ComplaintStatus.Disposisi or ComplaintStatus.Proses when !IsAnswered => FollowUpDueAt,
        ComplaintStatus.Proses => AutoCloseAt,
        _ => null,
    };

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>What leaves the service: the domain events as the contracts' integration events.</summary>
    IEnumerable<object> IRaiseIntegrationEvents.IntegrationEvents => ComplaintIntegrationEvents.From(this);

    void IRaiseIntegrationEvents.ClearIntegrationEvents() => ClearDomainEvents();

    public sealed record Intake(
        ComplaintKind Kind,
        string Category,
        string Description,
        GeoPoint? Location,
        string? Address,
        IReadOnlyList<string> MediaUrls,
        string Channel,
        string? ChannelReference,
        bool Anonymous,
        bool Confidential,
        Reporter Reporter);

    public static Complaint File(Intake intake, string trackingNumber, string trackingSecretHash, string timeZone,
        DateTimeOffset verificationDueAt, DateTimeOffset at)
    {
        var c = new Complaint
        {
            Id = Guid.CreateVersion7(at),
            TrackingNumber = trackingNumber,
            TrackingSecretHash = trackingSecretHash,
            Kind = intake.Kind,
            Category = intake.Category,
            Description = intake.Description,
            Latitude = intake.Location?.Latitude,
            Longitude = intake.Location?.Longitude,
            Address = intake.Address,
            MediaUrls = [.. intake.MediaUrls],
            Channel = intake.Channel,
            ChannelReference = intake.ChannelReference,
            Anonymous = intake.Anonymous,
            Confidential = intake.Confidential,
            Reporter = intake.Reporter,
            Status = ComplaintStatus.Menunggu,
            TimeZone = timeZone,
            FiledAt = at,
            UpdatedAt = at,
            VerificationDueAt = verificationDueAt,
        };
        c.AddHistory(at, "file", null, Actor.Reporter, null, $"Diterima melalui kanal {intake.Channel}.", isPublic: true);
        c._events.Add(new ComplaintFiledEvent(at));
        return c;
    }

    public GeoPoint? Location => Latitude is { } lat && Longitude is { } lon ? new GeoPoint(lat, lon) : null;

    /// <summary>Sets the responsible unit without a status change (the kelurahan located at intake).</summary>
    public void RouteTo(UnitRef unit, string reason, Actor by, DateTimeOffset at)
    {
        var previous = UnitId;
        SetUnit(unit);
        AddHistory(at, "route", Status, by, unit.Id, reason, isPublic: true);
        _events.Add(new RoutedEvent(unit.Id, previous, reason, at));
        UpdatedAt = at;
    }

    public void Verify(Actor by, DateTimeOffset at, string? note = null) =>
        Transition(ComplaintAction.Verify, by, at, note ?? "Laporan diverifikasi.", isPublic: true);

    /// <summary>Several units work on it together; one (<paramref name="responsible"/>, default the current one) answers.</summary>
    public void Coordinate(UnitRef? responsible, IReadOnlyCollection<Guid> coordinatingUnitIds, string? note, Actor by, DateTimeOffset at)
    {
        var next = ComplaintStateMachine.Next(Status, ComplaintAction.Coordinate);
        var responsibleId = responsible?.Id ?? UnitId
            ?? throw new ComplaintConflictException("A complaint without a responsible unit needs one to coordinate.");
        var previous = UnitId;
        if (responsible is not null)
        {
            SetUnit(responsible);
        }
        CoordinatingUnitIds = [.. coordinatingUnitIds.Where(u => u != responsibleId).Distinct()];
        Apply(ComplaintAction.Coordinate, next, by, at, note ?? "Dikoordinasikan antar unit.", isPublic: true, unitId: responsibleId);
        _events.Add(new RoutedEvent(responsibleId, previous, note ?? "coordination", at));
    }

    /// <summary>Disposition (disposisi) to the responsible unit, up or across; starts the follow-up clock.</summary>
    public void Dispose(UnitRef unit, string reason, DateTimeOffset followUpDueAt, Actor by, DateTimeOffset at)
    {
        var next = ComplaintStateMachine.Next(Status, ComplaintAction.Dispose);
        var previous = UnitId;
        SetUnit(unit);
        DisposedAt ??= at;
        FollowUpDueAt = followUpDueAt;
        AnsweredAt = null;
        AutoCloseAt = null;
        Apply(ComplaintAction.Dispose, next, by, at, $"Didisposisikan ke {unit.Name}: {reason}", isPublic: true, unitId: unit.Id);
        _events.Add(new RoutedEvent(unit.Id, previous, reason, at));
    }

    public void Start(Actor by, DateTimeOffset at) =>
        Transition(ComplaintAction.Start, by, at, "Sedang ditindaklanjuti oleh unit.", isPublic: true);

    /// <summary>The unit's answer (tindak lanjut); starts the auto-close clock.</summary>
    public void RecordAnswer(string answer, DateTimeOffset autoCloseAt, Actor by, DateTimeOffset at)
    {
        if (IsAnswered)
        {
            throw new ComplaintConflictException("The complaint has already been answered; it waits for confirmation.");
        }
        var next = ComplaintStateMachine.Next(Status, ComplaintAction.Answer);
        AnsweredAt = at;
        Answer = answer;
        AutoCloseAt = autoCloseAt;
        AnsweredWithinSla = FollowUpDueAt is null || at <= FollowUpDueAt;
        Apply(ComplaintAction.Answer, next, by, at, answer, isPublic: true);
    }

    /// <summary>A complaint admin confirms Selesai.</summary>
    public void Confirm(int workingDaysToResolve, DateTimeOffset reopenUntil, Actor by, DateTimeOffset at) =>
        Resolve(ComplaintAction.Confirm, workingDaysToResolve, reopenUntil, by, at, "Penyelesaian dikonfirmasi.");

    /// <summary>Closed because nobody confirmed and the reporter did not reply before <see cref="AutoCloseAt"/>.</summary>
    public void AutoClose(int workingDaysToResolve, DateTimeOffset reopenUntil, DateTimeOffset at)
    {
        if (AutoCloseAt is null || at < AutoCloseAt)
        {
            throw new ComplaintConflictException("The auto-close time has not come.");
        }
        ClosedAutomatically = true;
        Resolve(ComplaintAction.AutoClose, workingDaysToResolve, reopenUntil, Actor.System, at,
            "Ditutup otomatis: pelapor tidak menanggapi jawaban.");
    }

    private void Resolve(ComplaintAction action, int workingDaysToResolve, DateTimeOffset reopenUntil, Actor by, DateTimeOffset at, string note)
    {
        var next = ComplaintStateMachine.Next(Status, action);
        if (!IsAnswered)
        {
            throw new ComplaintConflictException("Only an answered complaint can be closed.");
        }
        ResolvedAt = at;
        WorkingDaysToResolve = workingDaysToResolve;
        ReopenUntil = reopenUntil;
        Apply(action, next, by, at, note, isPublic: true);
        _events.Add(new ResolvedEvent(at));
    }

    public void Postpone(string reason, Actor by, DateTimeOffset at) =>
        Transition(ComplaintAction.Postpone, by, at, reason, isPublic: true);

    public void DeclareNotOurAuthority(string reason, Actor by, DateTimeOffset at) =>
        Transition(ComplaintAction.NotOurAuthority, by, at, reason, isPublic: true);

    public void Archive(string? reason, Actor by, DateTimeOffset at) =>
        Transition(ComplaintAction.Archive, by, at, reason ?? "Diarsipkan.", isPublic: true);

    public void Reject(string reason, Actor by, DateTimeOffset at) =>
        Transition(ComplaintAction.Reject, by, at, reason, isPublic: true);

    /// <summary>The reporter is not satisfied: back to Proses with a new follow-up deadline.</summary>
    public void Reopen(string? reason, DateTimeOffset followUpDueAt, DateTimeOffset at)
    {
        if (Status == ComplaintStatus.Proses && !IsAnswered)
        {
            throw new ComplaintConflictException("Only an answered or finished complaint can be reopened.");
        }
        if (Status == ComplaintStatus.Selesai && (ReopenUntil is null || at > ReopenUntil))
        {
            throw new ComplaintConflictException("The window to reopen this complaint has closed.");
        }
        var next = ComplaintStateMachine.Next(Status, ComplaintAction.Reopen);
        var withdrawn = new ReopenedEvent(Status == ComplaintStatus.Selesai, Status == ComplaintStatus.Selesai ? AnsweredWithinSla : null, Rating, at);
        ReopenCount++;
        AnsweredAt = null;
        AutoCloseAt = null;
        ResolvedAt = null;
        ReopenUntil = null;
        ClosedAutomatically = false;
        Rating = null;
        RatingComment = null;
        RatedAt = null;
        FollowUpDueAt = followUpDueAt;
        Apply(ComplaintAction.Reopen, next, Actor.Reporter, at, reason ?? "Dibuka kembali oleh pelapor.", isPublic: true);
        _events.Add(withdrawn);
    }

    public void Rate(int rating, string? comment, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        var next = ComplaintStateMachine.Next(Status, ComplaintAction.Rate);
        if (Rating is not null)
        {
            throw new ComplaintConflictException("The answer has already been rated.");
        }
        if (ReopenUntil is null || at > ReopenUntil)
        {
            throw new ComplaintConflictException("The window to rate this complaint has closed.");
        }
        Rating = rating;
        RatingComment = comment;
        RatedAt = at;
        Apply(ComplaintAction.Rate, next, Actor.Reporter, at, $"Penilaian pelapor: {rating}/5.", isPublic: true);
        _events.Add(new RatedEvent(rating, at));
    }

    /// <summary>This complaint is the same as <paramref name="target"/>: archived here, followed there.</summary>
    public void MergeInto(Complaint target, Actor by, DateTimeOffset at)
    {
        if (target.Id == Id)
        {
            throw new ComplaintConflictException("A complaint cannot be merged into itself.");
        }
        if (!ComplaintStateMachine.IsOpen(target.Status) && target.Status != ComplaintStatus.Selesai)
        {
            throw new ComplaintConflictException($"Cannot merge into a complaint in status {target.Status}.");
        }
        var next = ComplaintStateMachine.Next(Status, ComplaintAction.Merge);
        MergedIntoId = target.Id;
        Apply(ComplaintAction.Merge, next, by, at, "Digabungkan dengan laporan lain tentang hal yang sama; ikuti laporan tersebut.", isPublic: true);
        target.MergedCount++;
        target.AddHistory(at, "merge", target.Status, by, null, "Laporan lain tentang hal yang sama digabungkan ke laporan ini.", isPublic: true);
        target.UpdatedAt = at;
    }

    public void FlagProbableDuplicateOf(Complaint original, DateTimeOffset at)
    {
        ProbableDuplicateOfId = original.Id;
        AddHistory(at, "flag-duplicate", Status, Actor.System, null, $"Kemungkinan duplikat dari {original.TrackingNumber}.", isPublic: false);
    }

    /// <summary>
    /// A deadline passed without the step being done: recorded once per deadline (the caller checks
    /// <see cref="IsBreached"/> and the database has a unique key), and escalated to <paramref name="escalateTo"/>.
    /// </summary>
    public void RecordSlaBreach(SlaDeadline deadline, DateTimeOffset dueAt, Guid? escalateTo, DateTimeOffset at)
    {
        if (escalateTo is not null)
        {
            EscalatedToUnitId = escalateTo;
        }
        var what = deadline == SlaDeadline.Verification ? "verifikasi" : "tindak lanjut";
        AddHistory(at, "sla-breach", Status, Actor.System, escalateTo,
            escalateTo is null
                ? $"Batas waktu {what} ({dueAt:yyyy-MM-dd HH:mm} UTC) terlewati."
                : $"Batas waktu {what} ({dueAt:yyyy-MM-dd HH:mm} UTC) terlewati; dieskalasi ke unit induk.",
            isPublic: false);
        _events.Add(new SlaBreachedEvent(deadline, dueAt, escalateTo, at));
        UpdatedAt = at;
    }

    /// <summary>The deadline that is overdue at <paramref name="now"/>, if any.</summary>
    public (SlaDeadline Deadline, DateTimeOffset DueAt)? OverdueDeadline(DateTimeOffset now)
    {
        if (Status is ComplaintStatus.Menunggu or ComplaintStatus.Koordinasi && DisposedAt is null && VerificationDueAt < now)
        {
            return (SlaDeadline.Verification, VerificationDueAt);
        }
        if (Status is ComplaintStatus.Disposisi or ComplaintStatus.Proses or ComplaintStatus.Koordinasi
            && !IsAnswered && FollowUpDueAt is { } due && due < now)
        {
            return (SlaDeadline.FollowUp, due);
        }
        return null;
    }

    /// <summary>Units that handle it: the responsible unit, and the parent unit a missed deadline escalated to.</summary>
    public bool IsHandledByUnit(IReadOnlyCollection<Guid> unitIds) =>
        (UnitId is { } u && unitIds.Contains(u)) || (EscalatedToUnitId is { } e && unitIds.Contains(e));

    /// <summary>Units that see it: those handling it and the coordinating units.</summary>
    public bool IsVisibleToUnit(IReadOnlyCollection<Guid> unitIds) =>
        IsHandledByUnit(unitIds) || CoordinatingUnitIds.Any(unitIds.Contains);

    private void SetUnit(UnitRef unit)
    {
        UnitId = unit.Id;
        UnitName = unit.Name;
        UnitCode = unit.Code;
        TimeZone = unit.TimeZone;
    }

    private void Transition(ComplaintAction action, Actor by, DateTimeOffset at, string? note, bool isPublic)
    {
        var next = ComplaintStateMachine.Next(Status, action);
        if (action == ComplaintAction.Verify)
        {
            VerifiedAt = at;
        }
        Apply(action, next, by, at, note, isPublic);
    }

    private void Apply(ComplaintAction action, ComplaintStatus next, Actor by, DateTimeOffset at, string? note, bool isPublic, Guid? unitId = null)
    {
        var from = Status;
        Status = next;
        UpdatedAt = at;
        AddHistory(at, action.ToName(), from, by, unitId, note, isPublic);
        if (from != next || action is ComplaintAction.Answer or ComplaintAction.Reopen or ComplaintAction.Dispose or ComplaintAction.Coordinate)
        {
            _events.Add(new StatusChangedEvent(from, next, action, at));
        }
    }

    private void AddHistory(DateTimeOffset at, string action, ComplaintStatus? from, Actor by, Guid? unitId, string? note, bool isPublic) =>
        _history.Add(new ComplaintHistoryEntry(Id, ++HistoryLength, at, action, from, Status, by, unitId, note, isPublic));
}

/// <summary>What the complaint needs to know of a unit.</summary>
public sealed record UnitRef(Guid Id, string Name, string? Code, string TimeZone);
