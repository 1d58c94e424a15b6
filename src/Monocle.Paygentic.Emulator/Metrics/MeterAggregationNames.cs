namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>The wire names of <see cref="MeterAggregation"/> (<c>SUM</c>, <c>UNIQUE_COUNT</c>, …).</summary>
internal static class MeterAggregationNames
{
    private static readonly (MeterAggregation Value, string Name)[] Names =
    [
        (MeterAggregation.Sum, "SUM"),
        (MeterAggregation.Count, "COUNT"),
        (MeterAggregation.Avg, "AVG"),
        (MeterAggregation.Min, "MIN"),
        (MeterAggregation.Max, "MAX"),
        (MeterAggregation.UniqueCount, "UNIQUE_COUNT"),
        (MeterAggregation.Latest, "LATEST"),
    ];

    public static string AllowedList => string.Join(", ", Names.Select(n => n.Name));

    public static string ToWire(MeterAggregation aggregation) =>
        Names.First(n => n.Value == aggregation).Name;

    public static bool TryParse(string? text, out MeterAggregation aggregation)
    {
        foreach (var (value, name) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                aggregation = value;
                return true;
            }
        }

        aggregation = default;
        return false;
    }

    /// <summary>Every aggregation but COUNT reads a value from the event data.</summary>
    public static bool NeedsValue(MeterAggregation aggregation) => aggregation != MeterAggregation.Count;

    public static MeterAggregation Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Unknown aggregation '{text}'; expected one of {AllowedList}.");
}
