using System.Collections.Concurrent;
using System.Diagnostics;

namespace Monocle.Paygentic.Generators.Tests.Running;

/// <summary>Listens to Monocle's ActivitySource for the length of a test and keeps the spans that ended.</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MonocleTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    public Activity Single() => Assert.Single(Stopped);

    public void Dispose() => _listener.Dispose();
}

/// <summary>Reads a span's Monocle tags and its metadata event.</summary>
public static class SpanAssert
{
    public static object? Tag(this Activity activity, string name) => activity.GetTagItem(name);

    public static IReadOnlyDictionary<string, object?>? Metadata(this Activity activity) =>
        activity.Events.Where(e => e.Name == MonocleEvents.Metadata)
            .Select(e => (IReadOnlyDictionary<string, object?>)e.Tags.ToDictionary(t => t.Key, t => t.Value))
            .SingleOrDefault();
}

/// <summary>The tests that attach listeners, or need none attached, run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ListenerCollection
{
    public const string Name = "ActivityListeners";
}
