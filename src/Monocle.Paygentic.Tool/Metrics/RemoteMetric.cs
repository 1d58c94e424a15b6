namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>A billable metric as the Paygentic API lists it (the fields the comparison needs).</summary>
internal sealed record RemoteMetric(
    string Id,
    string Name,
    string? EventType,
    string? ValueProperty,
    IReadOnlyDictionary<string, string> GroupBy,
    string? Aggregation,
    string? ProductId);
