namespace Tinjau.Complaints.Api.Domain;

/// <summary>The statuses citizens know from JAKI, plus the admin outcomes of LAPOR!.</summary>
public enum ComplaintStatus
{
    /// <summary>Waiting for verification by a complaint admin.</summary>
    Menunggu,
    /// <summary>Verified; being coordinated (which unit, which units together).</summary>
    Koordinasi,
    /// <summary>Disposed to the responsible unit.</summary>
    Disposisi,
    /// <summary>The unit is working on it (and may have answered, waiting for confirmation).</summary>
    Proses,
    /// <summary>Done: confirmed by an admin, or closed automatically when the reporter did not reply.</summary>
    Selesai,
    /// <summary>Postponed (tunda).</summary>
    Ditunda,
    /// <summary>Not the city's authority (bukan wewenang).</summary>
    BukanWewenang,
    /// <summary>Archived (also: merged into another complaint).</summary>
    Diarsipkan,
    /// <summary>Rejected (spam, incomplete, not a complaint).</summary>
    Ditolak,
}

/// <summary>What someone does to a complaint; each is one edge set of <see cref="ComplaintStateMachine"/>.</summary>
public enum ComplaintAction
{
    Verify,
    Coordinate,
    Dispose,
    Start,
    Answer,
    Confirm,
    AutoClose,
    Postpone,
    NotOurAuthority,
    Archive,
    Reject,
    Reopen,
    Rate,
    Merge,
}

public static class ComplaintActions
{
    /// <summary>The name used in routes, history and events: verify, not-our-authority, auto-close, …</summary>
    public static string ToName(this ComplaintAction action) => action switch
    {
        ComplaintAction.NotOurAuthority => "not-our-authority",
        ComplaintAction.AutoClose => "auto-close",
        _ => action.ToString().ToLowerInvariant(),
    };
}

/// <summary>The kind of a complaint (DOMAIN.md).</summary>
public enum ComplaintKind
{
    Pengaduan,
    Aspirasi,
    PermintaanInformasi,
}

public static class ComplaintKinds
{
    public static readonly IReadOnlyList<string> Names = ["pengaduan", "aspirasi", "permintaan-informasi"];

    public static string ToName(this ComplaintKind kind) => kind switch
    {
        ComplaintKind.Pengaduan => "pengaduan",
        ComplaintKind.Aspirasi => "aspirasi",
        _ => "permintaan-informasi",
    };

    public static bool TryParse(string? value, out ComplaintKind kind)
    {
        kind = default;
        switch (value?.Trim().ToLowerInvariant())
        {
            case "pengaduan": kind = ComplaintKind.Pengaduan; return true;
            case "aspirasi": kind = ComplaintKind.Aspirasi; return true;
            case "permintaan-informasi" or "permintaan_informasi" or "permintaaninformasi":
                kind = ComplaintKind.PermintaanInformasi; return true;
            default: return false;
        }
    }
}

/// <summary>The channels a complaint arrives through (Jakarta's CRM counts 13; walk-in desks are told apart by office).</summary>
public static class ComplaintChannels
{
    public const string Open311 = "open311";
    public const string Web = "web";

    public static readonly IReadOnlyList<string> Names =
    [
        "jaki", "lapor-web", "lapor-sms", "twitter", "facebook", "instagram", "email", "sms", "whatsapp", Web,
        "walk-in-balai-kota", "walk-in-walikota", "walk-in-inspektorat", "walk-in-kecamatan", "walk-in-kelurahan",
        "media", Open311,
    ];

    public static bool TryNormalize(string? value, out string channel)
    {
        channel = value?.Trim().ToLowerInvariant() ?? "";
        return Names.Contains(channel);
    }
}
