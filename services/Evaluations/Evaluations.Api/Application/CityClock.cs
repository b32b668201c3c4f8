using Tinjau.UnitRegistry.Contracts;

namespace Tinjau.Evaluations.Api.Application;

/// <summary>Dates in the city's time zone (<c>Evaluations:TimeZone</c>, WIB, WITA or WIT; default Asia/Jakarta, WIB).</summary>
public sealed class CityClock(TimeProvider time, IConfiguration configuration)
{
    private readonly TimeZoneInfo _zone = IndonesianTimeZones.Find(configuration["Evaluations:TimeZone"]);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => IndonesianTimeZones.LocalDate(time.GetUtcNow(), _zone);

    public int YearOf(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).Year;
}
