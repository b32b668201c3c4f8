namespace Tinjau.Evaluations.Api.Domain;

/// <summary>The nine SKM elements (PermenPANRB 14/2017), each answered 1–4.</summary>
public static class SkmElements
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("U1", "Persyaratan"),
        ("U2", "Sistem, mekanisme dan prosedur"),
        ("U3", "Waktu penyelesaian"),
        ("U4", "Biaya/tarif"),
        ("U5", "Produk spesifikasi jenis pelayanan"),
        ("U6", "Kompetensi pelaksana"),
        ("U7", "Perilaku pelaksana"),
        ("U8", "Sarana dan prasarana"),
        ("U9", "Penanganan pengaduan, saran dan masukan"),
    ];
}

public sealed record SkmBand(string Code, string Label, decimal MinIkm);

/// <summary>Configuration <c>Evaluations:Skm</c>.</summary>
public sealed class SkmOptions
{
    public const string Section = "Evaluations:Skm";

    /// <summary>
    /// Decimals the element weight 1/9 is rounded to before use: null (default) = exact 1/9; 3 = 0.111 (common
    /// spreadsheets); 2 = 0.11 (as printed in the regulation).
    /// </summary>
    public int? WeightDecimals { get; set; }

    /// <summary>How long a one-response token of a public link stays valid [24 h].</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Tokens one address may take per survey and hour [60: a kiosk at a service point serves many respondents].
    /// Behind the gateway the address is the first of X-Forwarded-For.
    /// </summary>
    public int TokensPerAddressPerHour { get; set; } = 60;

    /// <summary>Bands by lower bound (defaults: A ≥ 88.31, B ≥ 76.61, C ≥ 65.00, D below).</summary>
    public List<SkmBand> Bands { get; set; } = [];

    public IReadOnlyList<SkmBand> EffectiveBands => Bands.Count > 0 ? Bands : DefaultBands;

    public static readonly IReadOnlyList<SkmBand> DefaultBands =
    [
        new("A", "Sangat Baik", 88.31m),
        new("B", "Baik", 76.61m),
        new("C", "Kurang Baik", 65.00m),
        new("D", "Tidak Baik", 25.00m),
    ];
}

public sealed record SkmElementResult(string Code, string Name, int Responses, decimal Nrr, decimal WeightedNrr);

public sealed record SkmResult(int Responses, decimal Ikm, decimal? IkmUnitScale, string? Category, string? CategoryLabel,
    decimal ElementWeight, IReadOnlyList<SkmElementResult> Elements, string Rule);

public static class SkmCalculator
{
    public static decimal ElementWeight(int? decimals) =>
        decimals is { } d ? Math.Round(1m / 9m, d, MidpointRounding.AwayFromZero) : 1m / 9m;

    /// <summary>IKM = Σ (NRR × weight) × 25, to two decimals; NRR is the mean answer (1–4) of an element.</summary>
    public static SkmResult Compute(IReadOnlyList<int[]> responses, SkmOptions options)
    {
        var weight = ElementWeight(options.WeightDecimals);
        var elements = new List<SkmElementResult>();
        decimal sum = 0;
        for (var i = 0; i < SkmElements.All.Count; i++)
        {
            var (code, name) = SkmElements.All[i];
            var nrr = responses.Count == 0 ? 0m : (decimal)responses.Sum(r => r[i]) / responses.Count;
            sum += nrr * weight;
            elements.Add(new SkmElementResult(code, name, responses.Count, Math.Round(nrr, 3, MidpointRounding.AwayFromZero),
                Math.Round(nrr * weight, 3, MidpointRounding.AwayFromZero)));
        }
        var ikm = responses.Count == 0 ? 0m : IndexCalculator.Round2(sum * 25);
        var band = responses.Count == 0 ? null : Categorize(ikm, options.EffectiveBands);
        return new SkmResult(responses.Count, ikm, responses.Count == 0 ? null : Math.Round(sum, 3, MidpointRounding.AwayFromZero),
            band?.Code, band?.Label, weight, elements,
            $"IKM = Σ(NRR × {(options.WeightDecimals is { } d ? weight.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1/9")}) × 25, to two decimals");
    }

    public static SkmBand Categorize(decimal ikm, IReadOnlyList<SkmBand> bands)
    {
        var rounded = IndexCalculator.Round2(ikm);
        return bands.Where(b => b.MinIkm <= rounded).OrderByDescending(b => b.MinIkm).FirstOrDefault()
               ?? bands.OrderBy(b => b.MinIkm).First();
    }
}

/// <summary>
/// Minimum sample sizes of Krejcie and Morgan (1970), 95 % confidence, 5 % margin, p = 0.5. A population between two
/// rows of the table takes the sample of the next larger row (never interpolated downwards: the conservative reading);
/// a population of 100,000 or more needs 384; a population under 10 needs everyone.
/// </summary>
public static class KrejcieMorgan
{
    public const string Rule =
        "Krejcie–Morgan (1970) table; a population between two rows takes the sample of the next larger row; ≥ 100,000 → 384; under 10 → the whole population.";

    public static readonly IReadOnlyList<(int Population, int Sample)> Table =
    [
        (10, 10), (15, 14), (20, 19), (25, 24), (30, 28), (35, 32), (40, 36), (45, 40), (50, 44), (55, 48), (60, 52), (65, 56),
        (70, 59), (75, 63), (80, 66), (85, 70), (90, 73), (95, 76), (100, 80), (110, 86), (120, 92), (130, 97), (140, 103),
        (150, 108), (160, 113), (170, 118), (180, 123), (190, 127), (200, 132), (210, 136), (220, 140), (230, 144), (240, 148),
        (250, 152), (260, 155), (270, 159), (280, 162), (290, 165), (300, 169), (320, 175), (340, 181), (360, 186), (380, 191),
        (400, 196), (420, 201), (440, 205), (460, 210), (480, 214), (500, 217), (550, 226), (600, 234), (650, 242), (700, 248),
        (750, 254), (800, 260), (850, 265), (900, 269), (950, 274), (1000, 278), (1100, 285), (1200, 291), (1300, 297),
        (1400, 302), (1500, 306), (1600, 310), (1700, 313), (1800, 317), (1900, 320), (2000, 322), (2200, 327), (2400, 331),
        (2600, 335), (2800, 338), (3000, 341), (3500, 346), (4000, 351), (4500, 354), (5000, 357), (6000, 361), (7000, 364),
        (8000, 367), (9000, 368), (10000, 370), (15000, 375), (20000, 377), (30000, 379), (40000, 380), (50000, 381),
        (75000, 382), (100000, 384),
    ];

    public static int MinimumSample(int population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        if (population < 10)
        {
            return population;
        }
        foreach (var (n, s) in Table)
        {
            if (population <= n)
            {
                return Math.Min(s, population);
            }
        }
        return 384;
    }
}
