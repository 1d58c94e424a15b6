using System.Text.Json;
using Monocle.Paygentic.Emulator.Api;
using Monocle.Paygentic.Emulator.Storage;

namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>
/// Computes a meter: the metric's aggregation over the events the store selected (type, time range,
/// subject), after the <c>filterGroupBy</c> filter, in total, per window and per group.
/// </summary>
internal static class MeterCalculator
{
    public static MeterResult Compute(BillableMetric metric, IReadOnlyList<StoredEvent> events, MeterQuery query)
    {
        var value = metric.ValueProperty is null ? null : JsonPathExpression.Parse(metric.ValueProperty);
        var dimensions = metric.GroupBy.ToDictionary(g => g.Key, g => JsonPathExpression.Parse(g.Value), StringComparer.Ordinal);

        var total = new MeterAccumulator(metric.Aggregation);
        var windows = new SortedDictionary<DateTimeOffset, MeterAccumulator>();
        var groups = new Dictionary<string, (Dictionary<string, string> Labels, MeterAccumulator Accumulator)>(StringComparer.Ordinal);

        foreach (var stored in events)
        {
            using var document = JsonDocument.Parse(stored.DataJson);
            var data = document.RootElement;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (dimension, path) in dimensions)
            {
                if (path.SelectText(data) is { } label)
                {
                    labels[dimension] = label;
                }
            }

            if (query.FilterGroupBy.Any(f => !labels.TryGetValue(f.Key, out var label) || label != f.Value))
            {
                continue;
            }

            var number = value?.SelectNumber(data);
            var text = value?.SelectText(data);
            total.Add(number, text);

            if (query.WindowSize is { } size)
            {
                var start = WindowSizes.Start(size, stored.Timestamp);
                if (!windows.TryGetValue(start, out var window))
                {
                    windows[start] = window = new MeterAccumulator(metric.Aggregation);
                }

                window.Add(number, text);
            }

            if (query.GroupBy.Count > 0)
            {
                var groupLabels = query.GroupBy.Where(labels.ContainsKey).ToDictionary(d => d, d => labels[d], StringComparer.Ordinal);
                var key = JsonSerializer.Serialize(query.GroupBy.Select(d => groupLabels.GetValueOrDefault(d)));
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = (groupLabels, new MeterAccumulator(metric.Aggregation));
                }

                group.Accumulator.Add(number, text);
            }
        }

        return new MeterResult(
            "meter",
            metric.Id,
            total.Value,
            query.WindowSize is { } windowSize
                ? windows.Select(w => new WindowedValue(Rfc3339.Format(w.Key), Rfc3339.Format(WindowSizes.End(windowSize, w.Key)), w.Value.Value)).ToList()
                : null,
            query.GroupBy.Count > 0
                ? groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GroupedValue(g.Value.Labels, g.Value.Accumulator.Value)).ToList()
                : null);
    }
}
