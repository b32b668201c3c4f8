namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>The kind of a work unit (UKPD). Region units (kota → kecamatan → kelurahan) follow Kemendagri codes.</summary>
public enum UnitType
{
    Kota,
    Kecamatan,
    Kelurahan,
    Sudin,
    Ptsp,
    Puskesmas,
    Upt,
    Other,
}

public static class UnitTypes
{
    public static readonly IReadOnlyList<string> Names = Enum.GetValues<UnitType>().Select(ToName).ToArray();

    public static string ToName(this UnitType type) => type.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out UnitType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var v = value.Trim().ToLowerInvariant();
        foreach (var t in Enum.GetValues<UnitType>())
        {
            if (t.ToName() == v)
            {
                type = t;
                return true;
            }
        }
        return false;
    }
}
