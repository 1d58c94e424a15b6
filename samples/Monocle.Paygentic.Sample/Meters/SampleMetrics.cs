using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Sample.Meters;

/// <summary>
/// The billable metrics the sample meters with: the generated manifest's token metric
/// (<c>MonocleBillableMetrics.All</c>, what a Paygentic account needs to accept the events), plus prompt,
/// completion and event-count metrics of the same event type, for the table.
/// </summary>
/// <param name="TotalTokensId">The manifest's metric: sum of <c>$.total_tokens</c> by model.</param>
/// <param name="PromptTokensId">Sum of <c>$.prompt_tokens</c> by model.</param>
/// <param name="CompletionTokensId">Sum of <c>$.completion_tokens</c> by model.</param>
/// <param name="EventsId">Count of events by model.</param>
internal sealed record SampleMetrics(string TotalTokensId, string PromptTokensId, string CompletionTokensId, string EventsId)
{
    /// <summary>The definitions, in the order of the ids.</summary>
    public static IReadOnlyList<MetricDefinition> Definitions()
    {
        var manifest = MonocleBillableMetrics.All.Single(m => m.EventType == MonocleEventTypes.OpenAI);
        var byModel = manifest.GroupBy;
        return
        [
            new MetricDefinition(manifest.Name, manifest.EventType, Enum.Parse<MeterAggregation>(manifest.Aggregation.Replace("_", "", StringComparison.Ordinal), ignoreCase: true), manifest.ValueProperty)
            {
                GroupBy = byModel,
                Unit = manifest.Unit,
                Description = manifest.Description,
            },
            new MetricDefinition("OpenAI prompt tokens", manifest.EventType, MeterAggregation.Sum, "$.prompt_tokens") { GroupBy = byModel, Unit = "tokens" },
            new MetricDefinition("OpenAI completion tokens", manifest.EventType, MeterAggregation.Sum, "$.completion_tokens") { GroupBy = byModel, Unit = "tokens" },
            new MetricDefinition("OpenAI calls", manifest.EventType, MeterAggregation.Count, ValueProperty: null) { GroupBy = byModel, Unit = "calls" },
        ];
    }

    /// <summary>The ids <c>CreateMetricsAsync(Definitions())</c> returned, in order.</summary>
    public static SampleMetrics FromIds(IReadOnlyList<string> ids) => new(ids[0], ids[1], ids[2], ids[3]);
}
