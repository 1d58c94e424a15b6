namespace Monocle.Paygentic.AspNetCore.Tests;

/// <summary>Tests that install process-wide propagators run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalPropagatorCollection
{
    public const string Name = "Global propagators";
}
