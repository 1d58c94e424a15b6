namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>
/// A billable metric to create in the emulator: the shape of one entry of a billable-metric
/// manifest (for example the one the generator writes: event type <c>ai.inference.openai</c>,
/// value <c>$.total_tokens</c>, grouped by <c>{ "model": "$.model_name" }</c>, summed).
/// </summary>
/// <param name="Name">Human-readable metric name.</param>
/// <param name="EventType">The event <c>type</c> this metric counts, e.g. <c>ai.inference.openai</c>.</param>
/// <param name="Aggregation">How values combine.</param>
/// <param name="ValueProperty">
/// JSONPath of the value in the event data (<c>$.total_tokens</c>); required for every aggregation but
/// <see cref="MeterAggregation.Count"/>.
/// </param>
public sealed record MetricDefinition(string Name, string EventType, MeterAggregation Aggregation, string? ValueProperty)
{
    /// <summary>Dimension name → JSONPath in the event data, e.g. <c>model</c> → <c>$.model_name</c>.</summary>
    public IReadOnlyDictionary<string, string> GroupBy { get; init; } = new Dictionary<string, string>();

    /// <summary>Measurement unit, e.g. <c>tokens</c>.</summary>
    public string Unit { get; init; } = "units";

    /// <summary>What the metric tracks; defaults to a description built from the event type.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The usual token metric for one event type: <c>SUM</c> of <c>$.total_tokens</c> grouped by
    /// <c>model</c> = <c>$.model_name</c>, in tokens.
    /// </summary>
    /// <param name="eventType">The event type, e.g. <c>ai.inference.openai</c>.</param>
    /// <returns>The definition.</returns>
    public static MetricDefinition TotalTokens(string eventType) =>
        new($"{eventType} tokens", eventType, MeterAggregation.Sum, "$.total_tokens")
        {
            GroupBy = new Dictionary<string, string> { ["model"] = "$.model_name" },
            Unit = "tokens",
        };
}
