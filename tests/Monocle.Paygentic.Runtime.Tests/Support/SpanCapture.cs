using System.Collections.Concurrent;
using System.Diagnostics;

namespace Monocle.Paygentic.Tests.Support;

/// <summary>
/// Records the spans of one test. Listeners are process-wide and tests run in parallel, so the
/// capture starts a root span of its own and keeps only the spans of that trace.
/// </summary>
public sealed class SpanCapture : IDisposable
{
    private static readonly ActivitySource s_testSource = new("Monocle.Paygentic.Tests");
    private readonly ActivityListener _listener;
    private readonly Activity _root;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public SpanCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == _root!.TraceId && !ReferenceEquals(a, _root))
                {
                    _stopped.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _root = s_testSource.StartActivity("test-root")!;
    }

    /// <summary>A source other than Monocle's, standing for any other instrumentation.</summary>
    public static ActivitySource OtherSource => s_testSource;

    /// <summary>The spans stopped so far, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Spans => [.. _stopped];

    public Activity Single(string name) => Assert.Single(Spans, s => s.DisplayName == name);

    public void Dispose()
    {
        _root.Stop();
        _listener.Dispose();
    }
}
