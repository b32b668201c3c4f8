namespace Tinjau.Evaluations.Api.Application;

/// <summary>Dates in the city's time zone (<c>Evaluations:TimeZone</c>, default Asia/Jakarta, WIB).</summary>
public sealed class CityClock(TimeProvider time, IConfiguration configuration)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Evaluations:TimeZone"] ?? "Asia/Jakarta");

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    public int YearOf(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).Year;
}
