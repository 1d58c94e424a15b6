using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Emulator.Storage;

/// <summary>A billable metric as stored (the API's <c>BillableMetric</c> schema).</summary>
internal sealed record BillableMetric(
    string Id,
    string Name,
    string Description,
    string Unit,
    string MerchantId,
    string ProductId,
    MeterAggregation Aggregation,
    string? EventType,
    string? ValueProperty,
    IReadOnlyDictionary<string, string> GroupBy,
    DateTimeOffset? EventFrom,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
