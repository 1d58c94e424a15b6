using System.Diagnostics;
using System.Text.Json;

namespace Monocle.Paygentic.Generators.Tests.Running;

/// <summary>Generated wrappers compiled into this assembly, run under an ActivityListener.</summary>
[Collection(ListenerCollection.Name)]
public sealed class WrapperBehaviourTests
{
    private static readonly ActivitySource s_caller = new("Monocle.Paygentic.Generators.Tests.Caller");

    [Fact]
    public void Value_shape_writes_an_inference_span_with_the_usage_of_the_result()
    {
        using var recorder = new SpanRecorder();
        var service = new ShapesService();

        var answer = service.Ask("hello");

        var span = recorder.Single();
        Assert.Equal("re: hello", answer.Text);
        Assert.Same(span, service.SeenActivity);
        Assert.Null(Activity.Current);
        Assert.Equal("Monocle.Paygentic.Generators.Tests.Running.ShapesService.Ask", span.DisplayName);
        Assert.Equal(MonocleSpanTypes.Inference, span.Tag(MonocleAttributes.SpanType));
        Assert.Equal("inference.openai", span.Tag(MonocleAttributes.Entity1Type));
        Assert.Equal("gpt-4o-mini", span.Tag(MonocleAttributes.Entity2Name));
        var metadata = span.Metadata()!;
        Assert.Equal(5L, metadata[MonocleEvents.PromptTokens]);
        Assert.Equal(7L, metadata[MonocleEvents.CompletionTokens]);
        Assert.Equal(12L, metadata[MonocleEvents.TotalTokens]);
        Assert.Equal("stop", metadata[MonocleEvents.FinishReason]);
        Assert.Equal(FinishTypes.Success, metadata[MonocleEvents.FinishType]);
        Assert.Equal("gpt-4o-mini", metadata[MonocleEvents.ModelName]);
    }

    [Fact]
    public void Ref_out_and_in_arguments_pass_through_the_wrapper()
    {
        using var recorder = new SpanRecorder();
        var service = new ShapesService();
        var attempts = 1;

        var answer = service.AskCounting(ref attempts, out var requestId, 500);

        Assert.Equal(2, attempts);
        Assert.Equal("req_2_500", requestId);
        Assert.Equal("re: counting", answer.Text);
        var span = recorder.Single();
        Assert.Same(span, service.SeenActivity);
        Assert.NotNull(span.Metadata());
    }

    [Fact]
    public void An_exception_marks_the_span_failed_and_is_rethrown()
    {
        using var recorder = new SpanRecorder();
        var service = new ShapesService { Failure = new InvalidOperationException("provider down") };

        var thrown = Assert.Throws<InvalidOperationException>(() => service.Ask("hello"));

        var span = recorder.Single();
        Assert.Same(service.Failure, thrown);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, span.Tag("error.type"));
        Assert.Null(span.Metadata());
    }

    [Fact]
    public async Task Task_shape_runs_the_implementation_under_the_span_and_gives_the_caller_its_own_activity_back()
    {
        using var recorder = new SpanRecorder();
        using var listener = ListenToCaller();
        using var caller = s_caller.StartActivity("caller");
        var service = new ShapesService();

        var pending = service.AskAsync("hi", "gpt-4.1");
        var currentWhilePending = Activity.Current;
        var answer = await pending;

        var span = recorder.Single();
        Assert.Same(caller, currentWhilePending);
        Assert.Same(span, service.SeenActivity);
        Assert.Same(caller, span.Parent);
        Assert.Equal("re: hi", answer.Text);
        Assert.Equal("gpt-4.1", span.Tag(MonocleAttributes.Entity2Name));
        Assert.Equal(2L, span.Metadata()![MonocleEvents.PromptTokens]);
        Assert.Equal("gpt-4.1", span.Metadata()![MonocleEvents.ModelName]);
    }

    [Fact]
    public async Task Cancellation_fails_the_span_and_reaches_the_caller()
    {
        using var recorder = new SpanRecorder();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ShapesService().AskAsync("hi", "m", cancelled.Token));

        var span = recorder.Single();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(OperationCanceledException).FullName, span.Tag("error.type"));
        Assert.Null(span.Metadata());
    }

    [Fact]
    public async Task ValueTask_shape_completed_synchronously_bills_the_result()
    {
        using var recorder = new SpanRecorder();

        var answer = await new ShapesService().AskValueAsync("abc");

        Assert.Equal("re: abc", answer.Text);
        Assert.Equal(10L, recorder.Single().Metadata()![MonocleEvents.TotalTokens]);
    }

    [Fact]
    public async Task Task_shape_with_a_billing_subject_parameter_bills_the_reported_usage_to_that_subject()
    {
        using var recorder = new SpanRecorder();
        var service = new ShapesService();

        await service.NotifyAsync("sub_123", tokens: 40);

        var span = recorder.Single();
        Assert.Equal("sub_123", service.SeenSubject);
        Assert.Equal("sub_123", span.Tag(MonocleAttributes.ScopeSubscriptionId));
        Assert.Equal("inference.anthropic", span.Tag(MonocleAttributes.Entity1Type));
        Assert.Equal(41L, span.Metadata()![MonocleEvents.TotalTokens]);
    }

    [Fact]
    public async Task A_null_billing_subject_masks_the_outer_subject_for_the_call_only()
    {
        using var recorder = new SpanRecorder();
        var service = new ShapesService();
        using var outer = MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_outer");

        await service.NotifyAsync(null, tokens: 3);

        var span = recorder.Single();
        Assert.Null(service.SeenSubject);
        Assert.Null(span.Tag(MonocleAttributes.ScopeSubscriptionId));
        Assert.Equal("sub_outer", MonocleTrace.GetScopeValue(MonocleScopes.SubscriptionId));
    }

    [Fact]
    public void The_billing_subject_scope_is_opened_even_with_no_listener()
    {
        using var outer = MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_outer");

        Assert.False(Monocle.Paygentic.Instrumentation.InferenceSpan.IsEnabled);
        Assert.Equal("cus_9|", new ShapesService().WhoPays("cus_9"));
    }

    [Fact]
    public async Task ValueTask_and_void_shapes_bill_usage_reported_from_the_implementation()
    {
        using var recorder = new SpanRecorder();
        var service = new ShapesService();

        await service.NotifyValueAsync(11);
        service.Log(9);

        var spans = recorder.Stopped;
        Assert.Equal(2, spans.Count);
        Assert.Equal(11L, spans[0].Metadata()![MonocleEvents.PromptTokens]);
        Assert.Equal("inference.groq", spans[1].Tag(MonocleAttributes.Entity1Type));
        Assert.Equal(9L, spans[1].Metadata()![MonocleEvents.TotalTokens]);
    }

    [Fact]
    public void A_Value_holder_is_read_through()
    {
        using var recorder = new SpanRecorder();

        new ShapesService().AskHeld("four");

        var metadata = recorder.Single().Metadata()!;
        Assert.Equal(4L, metadata[MonocleEvents.PromptTokens]);
        Assert.Equal("gpt-4o-mini-2024", metadata[MonocleEvents.ModelName]);
    }

    [Fact]
    public async Task A_stream_bills_its_final_chunk_when_enumeration_ends_with_the_span_current_inside_the_iterator_only()
    {
        using var recorder = new SpanRecorder();
        using var listener = ListenToCaller();
        using var caller = s_caller.StartActivity("caller");
        using var subject = MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_stream");
        var service = new ShapesService();
        var inLoopBody = new List<Activity?>();

        await foreach (var chunk in service.StreamAsync("question", chunks: 3))
        {
            inLoopBody.Add(Activity.Current);
            Assert.Empty(recorder.Stopped);
        }

        var span = recorder.Single();
        Assert.All(inLoopBody, current => Assert.Same(caller, current));
        Assert.Equal(3, service.StreamObservations.Count);
        Assert.All(service.StreamObservations, seen => Assert.Same(span, seen.Activity));
        Assert.All(service.StreamObservations, seen => Assert.Equal("sub_stream", seen.Subject));
        Assert.Equal("sub_stream", span.Tag(MonocleAttributes.ScopeSubscriptionId));
        Assert.Equal(8L, span.Metadata()![MonocleEvents.PromptTokens]);
        Assert.Equal(3L, span.Metadata()![MonocleEvents.CompletionTokens]);
    }

    [Fact]
    public async Task A_faulted_stream_fails_the_span()
    {
        using var recorder = new SpanRecorder();
        var service = new ShapesService { Failure = new TimeoutException("stream broke") };

        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var _ in service.StreamAsync("q", chunks: 3))
            {
            }
        });

        var span = recorder.Single();
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Null(span.Metadata());
    }

    [Fact]
    public async Task An_abandoned_stream_is_counted_as_abandoned()
    {
        using var recorder = new SpanRecorder();

        await foreach (var _ in new ShapesService().StreamAsync("q", chunks: 5))
        {
            break;
        }

        var metadata = recorder.Single().Metadata()!;
        Assert.Equal("stream_abandoned", metadata[MonocleEvents.FinishReason]);
        Assert.Equal(0L, metadata[MonocleEvents.TotalTokens]);
    }

    [Fact]
    public async Task A_billing_subject_stream_keeps_its_subject_across_every_yield_and_out_of_the_loop_body()
    {
        using var outer = MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_caller");
        var inLoopBody = new List<string?>();
        var yielded = new List<string?>();

        await foreach (var seen in new ShapesService().SubjectsAsync("sub_stream", 3))
        {
            yielded.Add(seen);
            inLoopBody.Add(MonocleTrace.GetScopeValue(MonocleScopes.SubscriptionId));
        }

        Assert.Equal(["sub_stream", "sub_stream", "sub_stream"], yielded);
        Assert.Equal(["sub_caller", "sub_caller", "sub_caller"], inLoopBody);
    }

    [Fact]
    public async Task A_billing_subject_task_keeps_its_subject_after_the_implementation_awaits()
    {
        Assert.Equal("sub_later", await new ShapesService().SubjectLaterAsync("sub_later"));
        Assert.Null(MonocleTrace.GetScopeValue(MonocleScopes.SubscriptionId));
    }

    [Fact]
    public async Task Nested_billable_calls_bill_each_leaf_once_and_the_agent_only_frames_them()
    {
        using var recorder = new SpanRecorder();

        var answer = await new NestingService().AgentAsync("plan");

        var spans = recorder.Stopped;
        var agent = spans.Single(s => s.DisplayName.EndsWith(".AgentAsync", StringComparison.Ordinal));
        var leaves = spans.Where(s => s != agent).ToList();
        Assert.Equal(2, leaves.Count);
        Assert.All(leaves, leaf => Assert.Same(agent, leaf.Parent));
        Assert.All(leaves, leaf => Assert.Equal(MonocleSpanTypes.Inference, leaf.Tag(MonocleAttributes.SpanType)));
        Assert.Equal(MonocleSpanTypes.InferenceFramework, agent.Tag(MonocleAttributes.SpanType));
        Assert.Null(agent.Metadata());
        var billed = leaves.Sum(leaf => (long)leaf.Metadata()![MonocleEvents.TotalTokens]!);
        Assert.Equal(answer.InputTokens + answer.OutputTokens, billed);
    }

    [Fact]
    public void An_enclosing_call_whose_callees_billed_nothing_bills_itself()
    {
        using var recorder = new SpanRecorder();

        new NestingService().Planner("abc");

        var span = recorder.Single();
        Assert.Equal(MonocleSpanTypes.Inference, span.Tag(MonocleAttributes.SpanType));
        Assert.Equal(10L, span.Metadata()![MonocleEvents.TotalTokens]);
    }

    [Fact]
    public void With_no_listener_the_wrappers_allocate_nothing()
    {
        Assert.False(Monocle.Paygentic.Instrumentation.InferenceSpan.IsEnabled);
        var service = new ZeroAllocationService();
        const int calls = 10_000;

        Assert.Equal(0, Measure(() => { for (var i = 0; i < calls; i++) { _ = service.Ask("q"); } }));
        Assert.Equal(0, Measure(() => { for (var i = 0; i < calls; i++) { _ = service.AskAsync("q"); } }));
        Assert.Equal(0, Measure(() => { for (var i = 0; i < calls; i++) { var pending = service.AskValueAsync("q"); if (!pending.IsCompletedSuccessfully) { throw new InvalidOperationException("completes synchronously"); } } }));
        Assert.Equal(0, Measure(() => { for (var i = 0; i < calls; i++) { _ = service.StreamAsync("q"); } }));
    }

    [Fact]
    public void The_manifest_names_one_token_metric_per_provider_used()
    {
        Assert.Equal("ai.inference.openai", MonocleEventTypes.OpenAI);
        Assert.Equal("ai.inference.anthropic", MonocleEventTypes.Anthropic);
        Assert.Equal("ai.inference.groq", MonocleEventTypes.Groq);
        Assert.Equal(
            [MonocleEventTypes.Anthropic, MonocleEventTypes.Groq, MonocleEventTypes.OpenAI],
            MonocleBillableMetrics.All.Select(m => m.EventType));
        Assert.All(MonocleBillableMetrics.All, metric =>
        {
            Assert.Equal("$.total_tokens", metric.ValueProperty);
            Assert.Equal("SUM", metric.Aggregation);
            Assert.Equal("tokens", metric.Unit);
            Assert.Equal("$.model_name", metric.GroupBy["model"]);
        });

        using var json = JsonDocument.Parse(MonocleBillableMetrics.Json);
        var fromJson = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(MonocleBillableMetrics.All.Select(m => m.EventType), fromJson.Select(e => e.GetProperty("eventType").GetString()));
        Assert.All(fromJson, e => Assert.Equal("$.model_name", e.GetProperty("groupBy").GetProperty("model").GetString()));
    }

    private static long Measure(Action action)
    {
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static ActivityListener ListenToCaller()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source == s_caller,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
