namespace Tinjau.Evaluations.Api.Domain;

/// <summary>
/// Version 1 of the PEKPPP instrument (PermenPANRB 29/2022 as amended by 4/2023), shipped as seed data.
/// Aspect weights are the regulation's (24/25/18/11/10/12 %). The public sources give no indicator weights, so each
/// aspect's five indicators share it evenly (0.2 each) and are marked <c>weightIsDefaultToReview</c>. The rubric of
/// the service-standard indicator is the regulation's example; the others follow the same ladder (exists →
/// complete → formally enacted → made with the community → monitored and evaluated) and should be reviewed
/// against the official guide before use. Category bands are the DOMAIN defaults (configurable by a new version).
/// </summary>
public static class PekpppInstrumentV1
{
    public const string Code = "PEKPPP";
    public const int Version = 1;
    public static readonly Guid Id = Guid.Parse("0b7d2a4e-5c3f-4e8a-9a61-7e0c0f0d0001");

    public static Instrument Create(DateTimeOffset at) => new()
    {
        Id = Id,
        Code = Code,
        Version = Version,
        Name = "PEKPPP — Pemantauan dan Evaluasi Kinerja Penyelenggaraan Pelayanan Publik",
        Source = "PermenPANRB 29/2022, amended by PermenPANRB 4/2023; indicator weights are even defaults to review",
        CreatedAt = at,
        Aspects =
        [
            Aspect("kebijakan", "Kebijakan pelayanan", 0.24m,
                ("K1", "Standar pelayanan", null, StandardRubric()),
                ("K2", "Maklumat pelayanan", null, null),
                ("K3", "Survei kepuasan masyarakat (SKM)", null, null),
                ("K4", "Pelayanan khusus bagi kelompok rentan", null, null),
                ("K5", "Standar operasional prosedur (SOP) pelayanan", null, null)),
            Aspect("profesionalisme", "Profesionalisme SDM", 0.25m,
                ("P1", "Kompetensi pelaksana pelayanan", null, null),
                ("P2", "Budaya pelayanan (sikap dan perilaku pelaksana)", null, null),
                ("P3", "Disiplin dan kehadiran pelaksana pada jam pelayanan", PlatformEvidenceKinds.SidakStaff, null),
                ("P4", "Kode etik dan kode perilaku pelaksana", null, null),
                ("P5", "Pengembangan kompetensi pelaksana", null, null)),
            Aspect("sarana-prasarana", "Sarana dan prasarana", 0.18m,
                ("S1", "Ruang tunggu dan kenyamanan lingkungan", PlatformEvidenceKinds.SidakFacilities, null),
                ("S2", "Aksesibilitas bagi penyandang disabilitas", PlatformEvidenceKinds.SidakFacilities, null),
                ("S3", "Toilet, ruang laktasi dan fasilitas pendukung", PlatformEvidenceKinds.SidakFacilities, null),
                ("S4", "Sistem antrean dan loket pelayanan", PlatformEvidenceKinds.SidakFacilities, null),
                ("S5", "Pemeliharaan sarana dan prasarana", null, null)),
            Aspect("sistem-informasi", "Sistem informasi pelayanan publik", 0.11m,
                ("I1", "Sistem informasi pelayanan publik elektronik", null, null),
                ("I2", "Publikasi standar pelayanan dan maklumat", null, null),
                ("I3", "Informasi jam pelayanan, biaya dan kontak", null, null),
                ("I4", "Integrasi dan pemutakhiran data pelayanan", null, null),
                ("I5", "Keterbukaan informasi publik", null, null)),
            Aspect("konsultasi-pengaduan", "Konsultasi dan pengaduan", 0.10m,
                ("A1", "Sarana konsultasi bagi pengguna layanan", null, null),
                ("A2", "Pengelola pengaduan yang ditetapkan (SK dan petugas)", null, null),
                ("A3", "Ketepatan waktu tindak lanjut pengaduan", PlatformEvidenceKinds.Complaints, null),
                ("A4", "Kepuasan pelapor atas penanganan pengaduan", PlatformEvidenceKinds.Complaints, null),
                ("A5", "Evaluasi dan pelaporan pengelolaan pengaduan", null, null)),
            Aspect("inovasi", "Inovasi pelayanan publik", 0.12m,
                ("N1", "Inovasi pelayanan publik", null, null),
                ("N2", "Replikasi dan adopsi inovasi", null, null),
                ("N3", "Keberlanjutan inovasi", null, null),
                ("N4", "Kolaborasi dengan pemangku kepentingan", null, null),
                ("N5", "Dampak inovasi bagi masyarakat", null, null)),
        ],
        CategoryBands = DefaultBands(),
        Questionnaire =
        [
            new("Q1", "Persyaratan pelayanan mudah dipahami dan dipenuhi"),
            new("Q2", "Prosedur pelayanan jelas dan sederhana"),
            new("Q3", "Waktu pelayanan sesuai yang dijanjikan"),
            new("Q4", "Biaya pelayanan jelas (atau tidak dipungut biaya) dan sesuai ketentuan"),
            new("Q5", "Petugas ramah, sopan dan kompeten"),
            new("Q6", "Sarana dan prasarana nyaman dan mudah diakses"),
            new("Q7", "Saluran pengaduan tersedia dan pengaduan ditanggapi"),
            new("Q8", "Informasi pelayanan mudah diperoleh (daring maupun di tempat)"),
        ],
    };

    /// <summary>DOMAIN.md defaults: 4.51–5.00 A … 0.00–1.00 F.</summary>
    public static List<CategoryBand> DefaultBands() =>
    [
        new("A", "Pelayanan Prima", 4.51m),
        new("A-", "Sangat Baik", 4.01m),
        new("B", "Baik", 3.51m),
        new("B-", "Baik dengan catatan", 3.01m),
        new("C", "Cukup", 2.51m),
        new("C-", "Cukup dengan catatan", 2.01m),
        new("D", "Buruk", 1.51m),
        new("E", "Sangat Buruk", 1.01m),
        new("F", "Gagal", 0.00m),
    ];

    private static AspectDefinition Aspect(string code, string name, decimal weight,
        params (string Code, string Name, string? Evidence, IReadOnlyList<RubricLevel>? Rubric)[] indicators)
    {
        var each = 1m / indicators.Length;
        return new AspectDefinition(code, name, weight, indicators
            .Select(i => new IndicatorDefinition(i.Code, i.Name, each, true, i.Evidence, i.Rubric ?? LadderRubric(i.Name)))
            .ToList());
    }

    private static IReadOnlyList<RubricLevel> StandardRubric() =>
    [
        new(0, "Belum ada standar pelayanan", "—"),
        new(1, "Standar pelayanan ada tetapi belum memuat 14 komponen", "Dokumen standar pelayanan"),
        new(2, "Standar pelayanan memuat seluruh 14 komponen", "Dokumen standar pelayanan dengan 14 komponen"),
        new(3, "Standar pelayanan ditetapkan secara formal", "Keputusan penetapan standar pelayanan"),
        new(4, "Standar pelayanan disusun bersama masyarakat", "Berita acara/undangan/daftar hadir penyusunan bersama masyarakat"),
        new(5, "Standar pelayanan dimonitor dan dievaluasi secara berkala", "Laporan monitoring dan evaluasi serta tindak lanjutnya"),
    ];

    private static IReadOnlyList<RubricLevel> LadderRubric(string subject) =>
    [
        new(0, $"{subject}: tidak ada", "—"),
        new(1, $"{subject}: ada tetapi belum memenuhi ketentuan", "Dokumen atau foto yang menunjukkan keberadaannya"),
        new(2, $"{subject}: memenuhi ketentuan", "Dokumen yang menunjukkan pemenuhan seluruh ketentuan"),
        new(3, $"{subject}: ditetapkan/dilaksanakan secara formal", "Keputusan atau dokumen penetapan, bukti pelaksanaan"),
        new(4, $"{subject}: dilaksanakan dengan melibatkan masyarakat/pemangku kepentingan", "Bukti partisipasi (undangan, daftar hadir, notulen)"),
        new(5, $"{subject}: dimonitor dan dievaluasi berkala serta ditindaklanjuti", "Laporan monitoring dan evaluasi serta bukti tindak lanjut"),
    ];
}
