namespace Monocle.Paygentic;

/// <summary>
/// A Paygentic billable metric that meters the events an assembly can emit: the generator writes one per
/// event type into the assembly's <c>MonocleBillableMetrics.All</c> list (and its JSON), so metrics can be
/// created in, or compared with, a Paygentic account (or the local emulator) before the first event
/// is sent. The property names are those of Paygentic's <c>POST /v0/billableMetrics</c> body.
/// </summary>
public sealed class BillableMetricDefinition
{
    /// <summary>Creates a metric definition.</summary>
    /// <param name="name">The metric's human-readable name, e.g. <c>OpenAI tokens</c>.</param>
    /// <param name="description">What the metric measures.</param>
    /// <param name="eventType">The event type it meters, e.g. <c>ai.inference.openai</c>.</param>
    /// <param name="valueProperty">The JSON path of the metered value in the event data, e.g. <c>$.total_tokens</c>.</param>
    /// <param name="groupBy">Dimension names and the JSON paths of their values, e.g. <c>model</c> → <c>$.model_name</c>.</param>
    /// <param name="aggregation">How values are combined: <c>SUM</c>, <c>COUNT</c>, <c>AVG</c>, <c>MIN</c>, <c>MAX</c>, <c>UNIQUE_COUNT</c> or <c>LATEST</c>.</param>
    /// <param name="unit">The unit of the value, e.g. <c>tokens</c>.</param>
    public BillableMetricDefinition(
        string name,
        string description,
        string eventType,
        string valueProperty,
        IReadOnlyDictionary<string, string> groupBy,
        string aggregation,
        string unit)
    {
        Name = name;
        Description = description;
        EventType = eventType;
        ValueProperty = valueProperty;
        GroupBy = groupBy;
        Aggregation = aggregation;
        Unit = unit;
    }

    /// <summary>The metric's human-readable name.</summary>
    public string Name { get; }

    /// <summary>What the metric measures.</summary>
    public string Description { get; }

    /// <summary>The event type it meters, e.g. <c>ai.inference.openai</c>.</summary>
    public string EventType { get; }

    /// <summary>The JSON path of the metered value in the event data: <c>$.total_tokens</c>.</summary>
    public string ValueProperty { get; }

    /// <summary>Dimension names and the JSON paths of their values: <c>model</c> → <c>$.model_name</c>.</summary>
    public IReadOnlyDictionary<string, string> GroupBy { get; }

    /// <summary>How values are combined: <c>SUM</c> for token metrics.</summary>
    public string Aggregation { get; }

    /// <summary>The unit of the value: <c>tokens</c>.</summary>
    public string Unit { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({EventType}: {Aggregation} of {ValueProperty})";
}
