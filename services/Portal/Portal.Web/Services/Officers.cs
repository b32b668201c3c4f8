using System.Security.Claims;

namespace Tinjau.Portal.Web.Services;

/// <summary>
/// The officers' back office (<c>/petugas</c>): who may open it, and the answer templates. What an officer sees and
/// may do is the complaints service's decision (their unit, a head the unit's subtree); the portal only shows it.
/// </summary>
public static class Officers
{
    /// <summary>Unit staff and unit heads: the roles bound to a unit.</summary>
    public const string Roles = TinjauRoles.UnitStaff + "," + TinjauRoles.UnitHead;

    public static bool IsOfficer(ClaimsPrincipal user) => user.IsInRole(TinjauRoles.UnitStaff) || user.IsInRole(TinjauRoles.UnitHead);

    /// <summary>
    /// What the handling unit may do beside starting and answering (the complaints service allows units to dispose
    /// and coordinate): the forms are the triage's own (<c>TriageActions</c> with <c>ForUnit</c>), offered by the same
    /// status rule (<see cref="Triage.Offers"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> RoutingActions = ["dispose", "coordinate"];

    /// <summary>Statuses in which the unit still has work: listed first.</summary>
    public static bool IsOpen(string status) => status is "Menunggu" or "Koordinasi" or "Disposisi" or "Proses" or "Ditunda";

    /// <summary>The inbox order: open complaints by the deadline running now (soonest, overdue first), then the rest by date.</summary>
    public static IEnumerable<ComplaintSummary> InboxOrder(IEnumerable<ComplaintSummary> items) =>
        items.OrderBy(c => IsOpen(c.Status) && c.CurrentDeadline is not null ? 0 : 1)
            .ThenBy(c => c.CurrentDeadline ?? DateTimeOffset.MaxValue)
            .ThenByDescending(c => c.FiledAt);

    /// <summary>The templates offered for a category: its own first, then the general ones.</summary>
    public static IReadOnlyList<AnswerTemplate> TemplatesFor(string? category) =>
        [.. AnswerTemplate.All.Where(t => t.Categories.Contains(category ?? "")), .. AnswerTemplate.All.Where(t => t.Categories.Length == 0)];
}

/// <summary>A row of a queue: the complaint, its unit's time zone, whether the deadline has passed, working days left.</summary>
public sealed record QueueRow(ComplaintSummary Complaint, string TimeZone, bool Overdue, int? DaysLeft);

/// <summary>
/// A response template: a label in both languages and the answer text in Indonesian (the answer goes to the citizen
/// as written). The officer edits the text before sending; <c>[…]</c> marks what to fill in.
/// </summary>
public sealed record AnswerTemplate(string Key, string[] Categories, string LabelId, string LabelEn, string Text)
{
    public string Label => PortalCulture.IsEnglish ? LabelEn : LabelId;

    public static readonly IReadOnlyList<AnswerTemplate> All =
    [
        new("sampah-diangkut", ["sampah"], "Sampah sudah diangkut", "Rubbish collected",
            "Terima kasih atas laporan Anda. Sampah di lokasi yang Anda laporkan sudah diangkut oleh petugas PPSU pada [tanggal]. Kami juga meminta warga sekitar membuang sampah pada jam pengangkutan."),
        new("sampah-jadwal", ["sampah"], "Jadwal pengangkutan ditambah", "Collection schedule extended",
            "Terima kasih atas laporan Anda. Jadwal pengangkutan sampah di lokasi tersebut kami tambah menjadi [jadwal], berlaku mulai [tanggal]."),
        new("jalan-ditambal", ["jalan-rusak"], "Jalan sudah ditambal", "Road patched",
            "Terima kasih atas laporan Anda. Kerusakan jalan di lokasi tersebut sudah ditambal pada [tanggal]. Perbaikan menyeluruh dijadwalkan bersama Suku Dinas Bina Marga."),
        new("saluran-dibersihkan", ["saluran-air", "banjir"], "Saluran sudah dibersihkan", "Drain cleared",
            "Terima kasih atas laporan Anda. Saluran air di lokasi tersebut sudah dibersihkan oleh petugas PPSU pada [tanggal] sehingga air dapat mengalir kembali."),
        new("lampu-diperbaiki", ["penerangan-jalan"], "Lampu sudah diperbaiki", "Street light repaired",
            "Terima kasih atas laporan Anda. Lampu penerangan jalan di lokasi tersebut sudah diperbaiki pada [tanggal] bersama Suku Dinas Bina Marga."),
        new("parkir-ditertibkan", ["parkir-liar", "pkl"], "Sudah ditertibkan", "Cleared by Satpol PP",
            "Terima kasih atas laporan Anda. Petugas Satpol PP kelurahan sudah menertibkan lokasi tersebut pada [tanggal] dan akan memantaunya secara berkala."),
        new("administrasi-selesai", ["pelayanan-administrasi", "perizinan"], "Layanan sudah diselesaikan", "Service completed",
            "Terima kasih atas laporan Anda. Permohonan Anda sudah kami selesaikan pada [tanggal]. Dokumen dapat diambil di loket pelayanan pada jam layanan, Senin–Jumat pukul 08.00–16.00."),
        new("ditindaklanjuti", [], "Sudah ditindaklanjuti", "Followed up",
            "Terima kasih atas laporan Anda. Laporan sudah kami tindak lanjuti pada [tanggal]: [tindakan yang dilakukan]. Jika masalah masih terjadi, silakan buka kembali laporan ini."),
        new("perlu-waktu", [], "Perlu waktu lebih lama", "Needs more time",
            "Terima kasih atas laporan Anda. Penanganan memerlukan [tindakan] yang dijadwalkan pada [tanggal]. Kami akan memperbarui laporan ini setelah pekerjaan selesai."),
    ];
}
