namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>The two manifest shapes the command reads.</summary>
internal enum ManifestFormat
{
    /// <summary>An array of metrics: <c>MonocleBillableMetrics.Json</c>.</summary>
    GeneratedArray,

    /// <summary><c>{"metrics":[…]}</c>: the emulator's <c>--manifest</c> file.</summary>
    EmulatorObject,
}
