namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>Pairs each manifest metric with the account's metric of the same event type.</summary>
internal static class MetricComparison
{
    public static IReadOnlyList<MetricMatch> Compare(IReadOnlyList<ManifestMetric> manifest, IReadOnlyList<RemoteMetric> account)
    {
        var byEventType = account
            .Where(m => m.EventType is not null)
            .GroupBy(m => m.EventType!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        return manifest.Select(expected =>
        {
            if (!byEventType.TryGetValue(expected.EventType, out var candidates))
            {
                return new MetricMatch(expected, null, 0);
            }

            // Several metrics may meter one event type; show the one closest to the manifest's (the first on a tie).
            var best = candidates
                .Select((candidate, index) => (Match: new MetricMatch(expected, candidate, candidates.Count), Index: index))
                .OrderByDescending(c => (c.Match.ValuePropertyMatches ? 4 : 0) + (c.Match.GroupByMatches ? 2 : 0) + (c.Match.AggregationMatches ? 1 : 0))
                .ThenBy(c => c.Index)
                .First();
            return best.Match;
        }).ToList();
    }
}
