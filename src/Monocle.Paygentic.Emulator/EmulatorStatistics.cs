namespace Monocle.Paygentic.Emulator;

/// <summary>Counters of the <c>POST /v0/events</c> requests an emulator has seen since it started.</summary>
/// <param name="Requests">Requests received, faults included.</param>
/// <param name="Stored">Events stored (first sight of an idempotency key).</param>
/// <param name="Duplicates">Requests answered with an already stored event.</param>
/// <param name="Rejected">Requests refused with 400, 401, 403 or 422.</param>
/// <param name="Faulted">Requests that met an injected fault other than plain latency.</param>
public sealed record EmulatorStatistics(long Requests, long Stored, long Duplicates, long Rejected, long Faulted);
