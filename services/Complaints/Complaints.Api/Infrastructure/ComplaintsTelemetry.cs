using System.Diagnostics.Metrics;

namespace Tinjau.Complaints.Api.Infrastructure;

/// <summary>
/// Business meters of the complaints service (Meter <c>Tinjau.Complaints</c>, exported by ServiceDefaults with
/// <c>Tinjau.*</c>): what operations and leadership watch on the dashboard beside the technical ones.
/// </summary>
public static class ComplaintsTelemetry
{
    public const string Name = "Tinjau.Complaints";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Filed =
        Meter.CreateCounter<long>("tinjau.complaints.filed", "{complaint}", "Complaints accepted, any channel.");

    private static readonly Counter<long> Answered =
        Meter.CreateCounter<long>("tinjau.complaints.answered", "{complaint}", "Complaints answered by the unit (resolved).");

    private static readonly Counter<long> SlaBreaches =
        Meter.CreateCounter<long>("tinjau.complaints.sla_breaches", "{breach}", "SLA deadlines passed (verification or follow-up).");

    /// <summary>Counts what a committed save did; no personal data goes into a tag.</summary>
    public static void Record(Complaint complaint, IEnumerable<ComplaintDomainEvent> raised)
    {
        foreach (var evt in raised)
        {
            switch (evt)
            {
                case ComplaintFiledEvent:
                    Filed.Add(1, new KeyValuePair<string, object?>("channel", complaint.Channel));
                    break;
                case ResolvedEvent:
                    Answered.Add(1);
                    break;
                case SlaBreachedEvent breach:
                    SlaBreaches.Add(1, new KeyValuePair<string, object?>("deadline", breach.Deadline.ToName()));
                    break;
            }
        }
    }
}
