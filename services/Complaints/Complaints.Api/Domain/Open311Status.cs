namespace Tinjau.Complaints.Api.Domain;

/// <summary>GeoReport v2 knows two statuses: open and closed. Everything still being handled (or postponed) is open.</summary>
public static class Open311Status
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static string Of(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Menunggu or ComplaintStatus.Koordinasi or ComplaintStatus.Disposisi or ComplaintStatus.Proses
            or ComplaintStatus.Ditunda => Open,
        _ => Closed,
    };

    /// <summary>The statuses behind an Open311 status filter value (case-insensitive), or null if unknown.</summary>
    public static ComplaintStatus[]? StatusesFor(string value) => value.Trim().ToLowerInvariant() switch
    {
        Open => Enum.GetValues<ComplaintStatus>().Where(s => Of(s) == Open).ToArray(),
        Closed => Enum.GetValues<ComplaintStatus>().Where(s => Of(s) == Closed).ToArray(),
        _ => null,
    };

    /// <summary>status_notes: what the status means, in Indonesian, plus the answer or reason when there is one.</summary>
    public static string Notes(Complaint c) => c.Status switch
    {
        ComplaintStatus.Menunggu => "Menunggu verifikasi.",
        ComplaintStatus.Koordinasi => "Dalam koordinasi antar unit.",
        ComplaintStatus.Disposisi => $"Didisposisikan ke {c.UnitName ?? "unit terkait"}.",
        ComplaintStatus.Proses when c.IsAnswered => $"Sudah dijawab, menunggu konfirmasi: {c.Answer}",
        ComplaintStatus.Proses => "Sedang ditindaklanjuti.",
        ComplaintStatus.Selesai => c.Answer is null ? "Selesai." : $"Selesai: {c.Answer}",
        ComplaintStatus.Ditunda => "Ditunda.",
        ComplaintStatus.BukanWewenang => "Bukan wewenang Pemerintah Kota.",
        ComplaintStatus.Diarsipkan when c.MergedIntoId is not null => "Digabungkan dengan laporan lain tentang hal yang sama.",
        ComplaintStatus.Diarsipkan => "Diarsipkan.",
        _ => "Ditolak.",
    };
}
