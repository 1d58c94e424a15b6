namespace Monocle.Paygentic.Delivery;

/// <summary>One event waiting in the spool: its wire body and what the sender needs to know about it.</summary>
/// <param name="FileName">The spool file that holds it; the event is gone once that file is.</param>
/// <param name="EventType">The event's <c>type</c>.</param>
/// <param name="IdempotencyKey">The event's <c>idempotencyKey</c>, the same on every attempt.</param>
/// <param name="Body">The JSON body, exactly as posted.</param>
internal sealed record SpooledEvent(string FileName, string EventType, string IdempotencyKey, byte[] Body);
