using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>Builds the berita acara snapshot, its SHA-256, and the printable HTML view.</summary>
public static class BeritaAcaraWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static BeritaAcaraDocument Build(Evaluation e, Instrument instrument, IndexResult index, IReadOnlyList<Recommendation> recommendations,
        DateTimeOffset at)
    {
        var aspects = instrument.Aspects.Select(a =>
        {
            var result = index.Aspects.First(x => x.Code == a.Code);
            return new BeritaAcaraAspect(a.Code, a.Name, a.Weight, result.Score, a.Indicators.Select(i =>
            {
                var s = e.Score(i.Code);
                return new BeritaAcaraIndicator(i.Code, i.Name, s.SelfScore, s.EvaluatorScore, s.VerifierScore, s.FinalScore,
                    s.EvaluatorNote, s.FieldObservation, s.VerifierReason);
            }).ToList());
        }).ToList();
        return new BeritaAcaraDocument(
            $"BA/{instrument.Code}/{e.Year}/{e.UnitCode}/{e.Id.ToString("N")[..8]}",
            e.Id, e.UnitId, e.UnitCode, e.UnitName, e.Year, e.Mandiri, $"{instrument.Code} v{instrument.Version}", at,
            index.Ipp, index.Category.Code, index.Category.Label, index.InstrumentIpp, index.F03Score, index.F03Respondents, index.F03Applied,
            index.F03Share, aspects,
            recommendations.OrderBy(r => r.CreatedAt).Select(r => new BeritaAcaraRecommendation(r.Id, r.AspectCode, r.Text, r.OwnerUnitId, r.DueOn)).ToList(),
            e.Team, index.InstrumentIndex);
    }

    /// <summary>SHA-256 (hex, lower case) of the canonical JSON of the document.</summary>
    public static string Sha256(BeritaAcaraDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(document, Json)));

    public static string Html(BeritaAcaraDocument d, IReadOnlyList<Signature> signatures, IReadOnlyList<(string As, string? SubjectId)> required)
    {
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string N(decimal v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        static string N4(decimal v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Berita Acara ").Append(H(d.Number)).Append("</title>")
            .Append("<style>body{font-family:serif;max-width:50em;margin:2em auto}table{border-collapse:collapse;width:100%}")
            .Append("td,th{border:1px solid #444;padding:.25em .4em;font-size:.9em;vertical-align:top}h1{text-align:center;font-size:1.3em}")
            .Append("@media print{body{margin:0}}</style></head><body>");
        sb.Append("<h1>BERITA ACARA EVALUASI PENYELENGGARAAN PELAYANAN PUBLIK</h1>");
        sb.Append("<p>Nomor: ").Append(H(d.Number)).Append("<br>Unit: ").Append(H(d.UnitName)).Append(" (").Append(H(d.UnitCode)).Append(")<br>Periode: ")
            .Append(d.Year).Append(d.Mandiri ? " (mandiri)" : "").Append("<br>Instrumen: ").Append(H(d.Instrument)).Append("</p>");
        sb.Append("<p><strong>Indeks Pelayanan Publik: ").Append(N(d.Ipp)).Append(" — ").Append(H(d.Category)).Append(" ").Append(H(d.CategoryLabel))
            .Append("</strong><br>Indeks instrumen (F02/verifikasi): ").Append(N(d.InstrumentIpp));
        // The parts at four decimals, so that the final figure can be recomputed from what is printed.
        if (d.InstrumentIndex is { } exact)
        {
            sb.Append(" (").Append(N4(exact)).Append(')');
        }
        if (d.F03Score is { } f03)
        {
            sb.Append("<br>F03: ").Append(N4(f03)).Append(" dari ").Append(d.F03Respondents).Append(" responden")
                .Append(d.F03Applied ? $", bobot {N(d.F03Share * 100)}%" : " (tidak diperhitungkan)");
        }
        sb.Append("</p>");
        foreach (var a in d.Aspects)
        {
            sb.Append("<h2>").Append(H(a.Name)).Append(" — bobot ").Append(N(a.Weight * 100)).Append("%, nilai ").Append(N(a.Score)).Append("</h2>");
            sb.Append("<table><tr><th>Indikator</th><th>F01</th><th>F02</th><th>Verifikasi</th><th>Akhir</th><th>Temuan</th><th>Observasi lapangan</th></tr>");
            foreach (var i in a.Indicators)
            {
                sb.Append("<tr><td>").Append(H(i.Code)).Append(' ').Append(H(i.Name)).Append("</td><td>").Append(i.SelfScore).Append("</td><td>")
                    .Append(i.EvaluatorScore).Append("</td><td>").Append(i.VerifierScore).Append("</td><td>").Append(i.FinalScore).Append("</td><td>")
                    .Append(H(i.EvaluatorNote)).Append(i.VerifierReason is null ? "" : " (verifikasi: " + H(i.VerifierReason) + ")")
                    .Append("</td><td>").Append(H(i.FieldObservation)).Append("</td></tr>");
            }
            sb.Append("</table>");
        }
        sb.Append("<h2>Rekomendasi</h2><ol>");
        foreach (var r in d.Recommendations)
        {
            sb.Append("<li>").Append(H(r.Text)).Append(" (batas waktu ").Append(r.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(")</li>");
        }
        sb.Append("</ol><h2>Tanda tangan</h2><table><tr><th>Sebagai</th><th>Nama</th><th>Waktu</th></tr>");
        foreach (var (role, subject) in required)
        {
            var s = signatures.FirstOrDefault(x => x.As == role && (subject is null || x.SubjectId == subject));
            var name = s?.Name ?? d.Team.FirstOrDefault(t => t.SubjectId == subject)?.Name ?? "";
            sb.Append("<tr><td>").Append(H(role)).Append("</td><td>").Append(H(name)).Append("</td><td>")
                .Append(s is null ? "belum ditandatangani" : s.SignedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }
        sb.Append("</table><p><small>SHA-256 dokumen: ").Append(H(Sha256(d))).Append("</small></p></body></html>");
        return sb.ToString();
    }
}
