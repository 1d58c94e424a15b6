namespace Monocle.Paygentic;

/// <summary>
/// Counts of what the Paygentic exporter did since it started (also published as the
/// <c>Monocle.Paygentic.Exporter</c> meter's counters).
/// </summary>
/// <param name="Spooled">Events written to the spool.</param>
/// <param name="Sent">Events Paygentic accepted.</param>
/// <param name="Retried">Attempts that failed transiently and will be retried.</param>
/// <param name="DeadLettered">Events moved to the dead-letter folder (rejected types included).</param>
/// <param name="Rejected">Events whose type Paygentic rejected as unknown (422 <c>invalid_event_type</c>).</param>
/// <param name="Dropped">Billable spans that produced no event, by reason (<c>no_subject</c>, <c>spool_full</c>, …).</param>
/// <param name="Pending">Events in the spool, waiting for delivery.</param>
public sealed record PaygenticExporterStatistics(
    long Spooled,
    long Sent,
    long Retried,
    long DeadLettered,
    long Rejected,
    IReadOnlyDictionary<string, long> Dropped,
    int Pending);
