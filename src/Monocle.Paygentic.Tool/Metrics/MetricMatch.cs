namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>A manifest metric and the Paygentic metric that meters its event type, if there is one.</summary>
/// <param name="Expected">The manifest's metric.</param>
/// <param name="Found">The account's metric with the same event type (the closest one if several), or <see langword="null"/>: missing.</param>
/// <param name="SameEventType">How many of the account's metrics have this event type.</param>
/// <param name="Created">Whether this run created <paramref name="Found"/>.</param>
internal sealed record MetricMatch(ManifestMetric Expected, RemoteMetric? Found, int SameEventType, bool Created = false)
{
    public bool IsMissing => Found is null;

    public bool ValuePropertyMatches => Found is not null && string.Equals(Found.ValueProperty, Expected.ValueProperty, StringComparison.Ordinal);

    public bool GroupByMatches => Found is not null
        && Found.GroupBy.Count == Expected.GroupBy.Count
        && Expected.GroupBy.All(g => Found.GroupBy.TryGetValue(g.Key, out var path) && string.Equals(path, g.Value, StringComparison.Ordinal));

    public bool AggregationMatches => Found is not null && string.Equals(Found.Aggregation, Expected.Aggregation, StringComparison.OrdinalIgnoreCase);

    public bool Matches => ValuePropertyMatches && GroupByMatches && AggregationMatches;
}
