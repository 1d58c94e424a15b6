namespace Monocle.Paygentic.Export;

/// <summary>
/// A finished span as the span-to-event conversion reads it. Both a live
/// <see cref="System.Diagnostics.Activity"/> and a span read from a Monocle trace file
/// (<see cref="TraceFiles.MonocleSpanRecord"/>) are seen through it, so both take the same road to
/// a <see cref="PaygenticEvent"/>.
/// </summary>
public interface IMonocleSpan
{
    /// <summary>The trace id: 32 lowercase hex digits, no <c>0x</c>.</summary>
    string TraceId { get; }

    /// <summary>The span id: 16 lowercase hex digits, no <c>0x</c>.</summary>
    string SpanId { get; }

    /// <summary>The span name.</summary>
    string Name { get; }

    /// <summary>When the span ended.</summary>
    DateTimeOffset EndTime { get; }

    /// <summary>Reads a span attribute.</summary>
    /// <param name="name">The attribute name, e.g. <c>span.type</c>.</param>
    /// <param name="value">The value: a string, long, double, bool, or an array of them.</param>
    /// <returns>Whether the span has the attribute.</returns>
    bool TryGetAttribute(string name, out object? value);

    /// <summary>
    /// Copies the attributes of every event named <paramref name="eventName"/> into
    /// <paramref name="target"/>, later events overwriting earlier ones, with integral numbers as
    /// <see cref="long"/> and other numbers as <see cref="double"/>.
    /// </summary>
    /// <param name="eventName">The event name, e.g. <c>metadata</c>.</param>
    /// <param name="target">Receives the attributes.</param>
    /// <returns>How many attributes were copied (0 when the span has no such event, or only empty ones).</returns>
    int CopyEventAttributes(string eventName, IDictionary<string, object?> target);
}
