namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>A manifest read from a file, and a sentence saying what was read.</summary>
internal sealed record LoadedManifest(IReadOnlyList<ManifestMetric> Metrics, string Source);
