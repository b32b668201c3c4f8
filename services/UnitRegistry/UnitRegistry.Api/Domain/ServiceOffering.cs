namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>
/// The six "service delivery" components of a standar pelayanan that must be published (PermenPANRB 15/2014):
/// requirements (persyaratan), procedure (sistem, mekanisme dan prosedur), time (jangka waktu), cost (biaya/tarif),
/// product (produk pelayanan) and complaint handling (penanganan pengaduan, saran dan masukan).
/// </summary>
public sealed record ServiceStandard(
    IReadOnlyList<string> Requirements,
    string Procedure,
    string Time,
    int? TimeLimitWorkingDays,
    string Cost,
    string Product,
    string ComplaintHandling);

/// <summary>A service in a unit's catalogue (e.g. "Surat Keterangan Domisili" at a kelurahan) with its standard.</summary>
public sealed class ServiceOffering
{
    private ServiceOffering()
    {
        Name = "";
        Standard = null!;
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public string Name { get; private set; }
    public string? Description { get; private set; }
    public ServiceStandard Standard { get; private set; }
    public bool IsOnline { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static ServiceOffering Create(Guid id, Guid unitId, string name, string? description, ServiceStandard standard, bool isOnline, DateTimeOffset now)
    {
        var s = new ServiceOffering { Id = id, UnitId = unitId };
        s.Update(name, description, standard, isOnline, now);
        return s;
    }

    public void Update(string name, string? description, ServiceStandard standard, bool isOnline, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Description = description.Trimmed();
        Standard = standard;
        IsOnline = isOnline;
        UpdatedAt = now;
    }
}
