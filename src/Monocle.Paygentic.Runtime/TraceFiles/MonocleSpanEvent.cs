namespace Monocle.Paygentic.TraceFiles;

/// <summary>A span event read from a trace file (<c>metadata</c>, <c>data.input</c>, …).</summary>
/// <param name="Name">The event name.</param>
/// <param name="Timestamp">When it happened, when the file says.</param>
/// <param name="Attributes">Its attributes: string, long, double, bool, null, or a <see cref="System.Text.Json.JsonElement"/> for arrays and objects.</param>
public sealed record MonocleSpanEvent(string Name, DateTimeOffset? Timestamp, IReadOnlyDictionary<string, object?> Attributes);
