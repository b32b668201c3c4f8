namespace Tinjau.UnitRegistry.Api.Domain;

/// <summary>
/// Read model kept by the UnitRegistered consumer: a denormalised directory row with the unit's full ancestor path
/// (codes and names from the root), so "everything under 31.71.01" is one prefix lookup on <see cref="CodePath"/>.
/// </summary>
public sealed class UnitDirectoryEntry
{
    public Guid UnitId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public int Depth { get; set; }

    /// <summary>Codes from the root to the unit, joined by '/': <c>31.71/31.71.04/31.71.04.1002</c>.</summary>
    public string CodePath { get; set; } = "";

    /// <summary>Names from the root to the unit, joined by " › ".</summary>
    public string NamePath { get; set; } = "";

    public Guid SourceMessageId { get; set; }
    public DateTimeOffset ProjectedAt { get; set; }
}
