namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>How a billable metric combines the values of its events (the API's <c>aggregation</c>).</summary>
public enum MeterAggregation
{
    /// <summary>Sum of the numeric values.</summary>
    Sum,

    /// <summary>Number of events; needs no value.</summary>
    Count,

    /// <summary>Mean of the numeric values.</summary>
    Avg,

    /// <summary>Smallest numeric value.</summary>
    Min,

    /// <summary>Largest numeric value.</summary>
    Max,

    /// <summary>Number of distinct values (numbers and strings).</summary>
    UniqueCount,

    /// <summary>The numeric value of the most recent event.</summary>
    Latest,
}
