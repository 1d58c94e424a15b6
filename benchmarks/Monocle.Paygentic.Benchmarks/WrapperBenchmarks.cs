using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Monocle.Paygentic.Instrumentation;

namespace Monocle.Paygentic.Benchmarks;

/// <summary>A generated wrapper against a direct call of its implementation, nobody listening.</summary>
[MemoryDiagnoser]
public class NoListenerBenchmarks
{
    private readonly ChatService _service = new();

    [Benchmark(Baseline = true)]
    public Completion DirectCall() => _service.CompleteCore("hi");

    [Benchmark]
    public Completion Wrapper() => _service.Complete("hi");

    [Benchmark]
    public Task<Completion> DirectCallAsync() => _service.CompleteAsyncCore("hi");

    [Benchmark]
    public Task<Completion> WrapperAsync() => _service.CompleteAsync("hi");
}

/// <summary>
/// A generated wrapper against hand-written ActivitySource code that writes the same span (tags and
/// metadata event), with a listener that records every span.
/// </summary>
[MemoryDiagnoser]
public class ListenerBenchmarks
{
    private static readonly ActivitySource s_handWritten = new("HandWritten");
    private readonly ChatService _service = new();
    private ActivityListener? _listener;

    [GlobalSetup]
    public void Setup()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MonocleTelemetry.ActivitySourceName or "HandWritten",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
        if (!InferenceSpan.IsEnabled)
        {
            throw new InvalidOperationException("The listener is not attached.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    [Benchmark(Baseline = true)]
    public Completion HandWritten()
    {
        using var activity = s_handWritten.StartActivity("ChatService.Complete", ActivityKind.Client)!;
        activity.SetTag(MonocleAttributes.SpanType, MonocleSpanTypes.Inference);
        activity.SetTag(MonocleAttributes.Entity1Type, "inference.openai");
        activity.SetTag(MonocleAttributes.EntityCount, 1);
        activity.SetTag(MonocleAttributes.WorkflowName, MonocleTelemetry.WorkflowName);
        activity.SetTag(MonocleAttributes.MonocleVersion, MonocleTelemetry.Version);
        activity.SetTag(MonocleAttributes.MonocleLanguage, MonocleAttributes.LanguageDotnet);
        var result = _service.CompleteCore("hi");
        var usage = result.Usage!;
        activity.SetTag(MonocleAttributes.Entity2Name, result.Model);
        activity.SetTag(MonocleAttributes.Entity2Type, "model.llm." + result.Model);
        activity.SetTag(MonocleAttributes.EntityCount, 2);
        activity.AddEvent(new ActivityEvent(MonocleEvents.Metadata, tags: new ActivityTagsCollection
        {
            { MonocleEvents.PromptTokens, (long)usage.InputTokenCount },
            { MonocleEvents.CompletionTokens, (long)usage.OutputTokenCount },
            { MonocleEvents.TotalTokens, (long)usage.TotalTokenCount },
            { MonocleEvents.FinishReason, result.FinishReason },
            { MonocleEvents.FinishType, FinishTypes.Success },
            { MonocleEvents.ModelName, result.Model },
        }));
        return result;
    }

    [Benchmark]
    public Completion Wrapper() => _service.Complete("hi");
}
