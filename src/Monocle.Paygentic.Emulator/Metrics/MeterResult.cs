namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>The API's <c>UsageResponse</c>.</summary>
internal sealed record MeterResult(
    string Object,
    string BillableMetricId,
    decimal TotalValue,
    IReadOnlyList<WindowedValue>? WindowedValues,
    IReadOnlyList<GroupedValue>? GroupedValues);

/// <summary>One time bucket of a <see cref="MeterResult"/>.</summary>
internal sealed record WindowedValue(string WindowStart, string WindowEnd, decimal Value);

/// <summary>One dimension combination of a <see cref="MeterResult"/>; a dimension an event lacks is left out.</summary>
internal sealed record GroupedValue(IReadOnlyDictionary<string, string> GroupBy, decimal Value);
