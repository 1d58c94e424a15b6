namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>
/// Folds the events of one bucket into a metric value. Events without a usable value are
/// skipped (they never count as zero), except for COUNT, which counts events.
/// </summary>
internal sealed class MeterAccumulator(MeterAggregation aggregation)
{
    private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
    private long _events;
    private long _values;
    private decimal _sum;
    private decimal? _min;
    private decimal? _max;
    private decimal? _latest;

    /// <summary>Adds one event, oldest first (LATEST keeps the last value added).</summary>
    public void Add(decimal? number, string? text)
    {
        _events++;
        if (text is not null)
        {
            _distinct.Add(text);
        }

        if (number is not { } value)
        {
            return;
        }

        _values++;
        _sum += value;
        _min = _min is { } min && min <= value ? min : value;
        _max = _max is { } max && max >= value ? max : value;
        _latest = value;
    }

    /// <summary>The aggregated value; 0 when no event carried a value.</summary>
    public decimal Value => aggregation switch
    {
        MeterAggregation.Sum => _sum,
        MeterAggregation.Count => _events,
        MeterAggregation.Avg => _values == 0 ? 0 : _sum / _values,
        MeterAggregation.Min => _min ?? 0,
        MeterAggregation.Max => _max ?? 0,
        MeterAggregation.UniqueCount => _distinct.Count,
        MeterAggregation.Latest => _latest ?? 0,
        _ => throw new InvalidOperationException($"Unknown aggregation {aggregation}."),
    };
}
