namespace Monocle.Paygentic.Tests.Support;

/// <summary>
/// Tests that need no <c>ActivityListener</c> anywhere in the process (allocation measurements) run
/// alone, after the parallel tests, since listeners are process-wide.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NoListenerCollection
{
    public const string Name = "No listeners";
}
