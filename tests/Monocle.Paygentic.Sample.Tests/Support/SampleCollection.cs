namespace Monocle.Paygentic.Sample.Tests.Support;

/// <summary>
/// Activity listeners are process-wide: two sample runs at once would each export the other's spans.
/// Every test of the sample runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SampleCollection
{
    public const string Name = "Sample";
}
