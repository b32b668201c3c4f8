using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsoft.EntityFrameworkCore;

/// <summary>A value object kept as one <c>jsonb</c> column (web JSON names), compared by its JSON for change tracking.</summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        property.HasConversion(
                v => Serialize(v),
                s => Deserialize<T>(s),
                new ValueComparer<T>(
                    (a, b) => Serialize(a) == Serialize(b),
                    v => Serialize(v).GetHashCode(StringComparison.Ordinal),
                    v => Deserialize<T>(Serialize(v))))
            .HasColumnType("jsonb");
        return property;
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
