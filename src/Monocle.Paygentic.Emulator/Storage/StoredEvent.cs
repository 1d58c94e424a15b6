namespace Monocle.Paygentic.Emulator.Storage;

/// <summary>One ingested event as the emulator keeps it.</summary>
internal sealed record StoredEvent(
    string Id,
    string IdempotencyKey,
    string Type,
    string Source,
    string Subject,
    string Namespace,
    DateTimeOffset Timestamp,
    string DataJson,
    DateTimeOffset ReceivedAt);
