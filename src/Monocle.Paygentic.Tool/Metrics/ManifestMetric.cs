namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>
/// One metric of a billable-metric manifest: the body of <c>POST /v0/billableMetrics</c> without merchant and product.
/// </summary>
internal sealed record ManifestMetric(
    string Name,
    string Description,
    string EventType,
    string? ValueProperty,
    IReadOnlyDictionary<string, string> GroupBy,
    string Aggregation,
    string Unit);
