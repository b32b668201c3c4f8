namespace Tinjau.Complaints.Api.Domain;

/// <summary>The public notes written when a complaint is routed.</summary>
public static class RoutingNotes
{
    /// <summary>"Lokasi berada di Kelurahan Kwitang." whether the registry names the unit "Kwitang" or "Kelurahan Kwitang".</summary>
    public static string Located(string kelurahanName)
    {
        var name = kelurahanName.Trim();
        return name.StartsWith("Kelurahan ", StringComparison.OrdinalIgnoreCase)
            ? $"Lokasi berada di {name}."
            : $"Lokasi berada di Kelurahan {name}.";
    }
}
