using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Monocle.Paygentic.Delivery;

/// <summary>The exporter's counters, kept for <see cref="PaygenticExporterStatistics"/> and published as metrics.</summary>
internal sealed class DeliveryCounters : IDisposable
{
    public const string MeterName = "Monocle.Paygentic.Exporter";

    private readonly Meter _meter = new(MeterName, MonocleTelemetry.Version);
    private readonly Counter<long> _spooled;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _dropped;
    private readonly ConcurrentDictionary<string, long> _droppedByReason = new(StringComparer.Ordinal);
    private long _spooledCount;
    private long _sentCount;
    private long _retriedCount;
    private long _deadLetteredCount;
    private long _rejectedCount;

    public DeliveryCounters()
    {
        _spooled = _meter.CreateCounter<long>("monocle.paygentic.events.spooled", description: "Events written to the spool.");
        _sent = _meter.CreateCounter<long>("monocle.paygentic.events.sent", description: "Events Paygentic accepted.");
        _retried = _meter.CreateCounter<long>("monocle.paygentic.events.retried", description: "Transient delivery failures retried.");
        _deadLettered = _meter.CreateCounter<long>("monocle.paygentic.events.dead_lettered", description: "Events dead-lettered.");
        _rejected = _meter.CreateCounter<long>("monocle.paygentic.events.rejected", description: "Events of a type Paygentic rejected.");
        _dropped = _meter.CreateCounter<long>("monocle.paygentic.events.dropped", description: "Billable spans that produced no event, by reason.");
    }

    public void Spooled() { Interlocked.Increment(ref _spooledCount); _spooled.Add(1); }

    public void Sent() { Interlocked.Increment(ref _sentCount); _sent.Add(1); }

    public void Retried() { Interlocked.Increment(ref _retriedCount); _retried.Add(1); }

    public void DeadLettered() { Interlocked.Increment(ref _deadLetteredCount); _deadLettered.Add(1); }

    public void Rejected() { Interlocked.Increment(ref _rejectedCount); _rejected.Add(1); }

    public void Dropped(string reason)
    {
        _droppedByReason.AddOrUpdate(reason, 1, static (_, n) => n + 1);
        _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public PaygenticExporterStatistics Snapshot(int pending) => new(
        Interlocked.Read(ref _spooledCount),
        Interlocked.Read(ref _sentCount),
        Interlocked.Read(ref _retriedCount),
        Interlocked.Read(ref _deadLetteredCount),
        Interlocked.Read(ref _rejectedCount),
        new Dictionary<string, long>(_droppedByReason, StringComparer.Ordinal),
        pending);

    public void Dispose() => _meter.Dispose();
}
