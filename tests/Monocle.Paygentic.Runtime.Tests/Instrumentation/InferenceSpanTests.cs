using System.Diagnostics;
using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Tests.Support;

namespace Monocle.Paygentic.Tests.Instrumentation;

/// <summary>The generator–runtime contract, called as hand-written code would call it.</summary>
public sealed class InferenceSpanTests
{
    [Fact]
    public void Start_writes_the_Monocle_span_model()
    {
        using var capture = new SpanCapture();
        using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_1"))
        {
            InferenceSpan.Start("openai", "Assistant.Ask", model: "gpt-4o-mini", endpoint: "https://api.openai.com/v1").End();
        }

        var span = capture.Single("Assistant.Ask");
        Assert.Equal(MonocleTelemetry.ActivitySourceName, span.Source.Name);
        Assert.Equal("inference", span.Tag("span.type"));
        Assert.Equal("inference.openai", span.Tag("entity.1.type"));
        Assert.Equal("api.openai.com", span.Tag("entity.1.provider_name"));
        Assert.Equal("https://api.openai.com/v1", span.Tag("entity.1.inference_endpoint"));
        Assert.Equal("gpt-4o-mini", span.Tag("entity.2.name"));
        Assert.Equal("model.llm.gpt-4o-mini", span.Tag("entity.2.type"));
        Assert.Equal(2, span.Tag("entity.count"));
        Assert.Equal(MonocleTelemetry.WorkflowName, span.Tag("workflow.name"));
        Assert.Equal(MonocleTelemetry.Version, span.Tag("monocle_apptrace.version"));
        Assert.Equal("dotnet", span.Tag("monocle_apptrace.language"));
        Assert.Equal("sub_1", span.Tag("scope.subscriptionId"));
        Assert.True(span.IsStopped);
    }

    [Theory]
    [InlineData("groq", "inference.groq")]
    [InlineData("azure_openai", "inference.azure_openai")]
    [InlineData("Not-A-Provider", "inference.generic")]
    [InlineData("", "inference.generic")]
    public void Provider_names_become_entity_types(string provider, string expected)
    {
        using var capture = new SpanCapture();
        InferenceSpan.Start(provider, "call").End();
        Assert.Equal(expected, capture.Single("call").Tag("entity.1.type"));
    }

    [Fact]
    public void A_model_known_only_from_the_result_is_recorded()
    {
        using var capture = new SpanCapture();
        var span = InferenceSpan.Start("openai", "call");
        span.End(new InferenceUsage { PromptTokens = 1, CompletionTokens = 2, Model = "gpt-4.1" });

        var recorded = capture.Single("call");
        Assert.Equal("gpt-4.1", recorded.Tag("entity.2.name"));
        Assert.Equal(2, recorded.Tag("entity.count"));
        Assert.Equal("gpt-4.1", recorded.Metadata()!["model_name"]);
    }

    [Fact]
    public void Usage_becomes_the_metadata_event_with_a_total_when_the_provider_gives_none()
    {
        using var capture = new SpanCapture();
        InferenceSpan.Start("anthropic", "call", model: "claude-3-5-haiku").End(new InferenceUsage
        {
            PromptTokens = 10,
            CompletionTokens = 6,
            CacheReadInputTokens = 100,
            CacheCreationInputTokens = 20,
            FinishReason = "end_turn",
        });

        var metadata = capture.Single("call").Metadata()!;
        Assert.Equal(10L, metadata["prompt_tokens"]);
        Assert.Equal(6L, metadata["completion_tokens"]);
        Assert.Equal(16L, metadata["total_tokens"]);   // cache reads are not counted twice
        Assert.Equal(100L, metadata["cache_read_input_tokens"]);
        Assert.Equal(20L, metadata["cache_creation_input_tokens"]);
        Assert.Equal("end_turn", metadata["finish_reason"]);
        Assert.Equal("success", metadata["finish_type"]);
        Assert.Equal("claude-3-5-haiku", metadata["model_name"]);
    }

    [Fact]
    public void The_providers_total_is_kept_when_given()
    {
        using var capture = new SpanCapture();
        InferenceSpan.Start("openai", "call").End(new InferenceUsage { PromptTokens = 5, CompletionTokens = 5, TotalTokens = 12 });
        Assert.Equal(12L, capture.Single("call").Metadata()!["total_tokens"]);
    }

    [Fact]
    public void A_call_with_no_usage_carries_no_metadata()
    {
        using var capture = new SpanCapture();
        InferenceSpan.Start("openai", "call").End(new InferenceUsage { FinishReason = "stop" });
        Assert.Null(capture.Single("call").Metadata());
    }

    [Fact]
    public void Usage_reported_from_inside_the_implementation_is_recorded()
    {
        using var capture = new SpanCapture();
        var span = InferenceSpan.Start("generic", "call");
        Assert.True(MonocleTrace.ReportUsage(new InferenceUsage { PromptTokens = 3, CompletionTokens = 4 }));
        Assert.True(MonocleTrace.ReportUsage(new InferenceUsage { PromptTokens = 1, CompletionTokens = 1 }));
        span.End(new InferenceUsage { FinishReason = "length" });

        var metadata = capture.Single("call").Metadata()!;
        Assert.Equal(4L, metadata["prompt_tokens"]);
        Assert.Equal(5L, metadata["completion_tokens"]);
        Assert.Equal(9L, metadata["total_tokens"]);
        Assert.Equal("truncated", metadata["finish_type"]);
    }

    [Fact]
    public void Reporting_usage_with_no_traced_call_says_so() =>
        Assert.False(MonocleTrace.ReportUsage(new InferenceUsage { PromptTokens = 1 }));

    [Fact]
    public void Only_the_innermost_span_with_usage_bills_and_enclosing_spans_become_framework()
    {
        using var capture = new SpanCapture();
        var agent = InferenceSpan.Start("openai", "agent");
        var planner = InferenceSpan.Start("openai", "planner");
        var chat1 = InferenceSpan.Start("openai", "chat-1");
        chat1.End(new InferenceUsage { PromptTokens = 10, CompletionTokens = 1 });
        planner.End(new InferenceUsage { PromptTokens = 10, CompletionTokens = 1 });   // the same call, seen again
        var chat2 = InferenceSpan.Start("openai", "chat-2");
        chat2.End(new InferenceUsage { PromptTokens = 20, CompletionTokens = 2 });
        agent.End(new InferenceUsage { PromptTokens = 30, CompletionTokens = 3 });      // the sum, seen again

        Assert.Equal("inference", capture.Single("chat-1").Tag("span.type"));
        Assert.Equal("inference", capture.Single("chat-2").Tag("span.type"));
        Assert.Equal("inference.framework", capture.Single("planner").Tag("span.type"));
        Assert.Equal("inference.framework", capture.Single("agent").Tag("span.type"));
        Assert.Null(capture.Single("planner").Metadata());
        Assert.Null(capture.Single("agent").Metadata());

        var billed = capture.Spans.Select(s => s.Metadata()).Where(m => m is not null).Sum(m => (long)m!["total_tokens"]!);
        Assert.Equal(33L, billed);
    }

    [Fact]
    public void An_enclosing_span_whose_callees_had_no_usage_bills_itself()
    {
        using var capture = new SpanCapture();
        var outer = InferenceSpan.Start("openai", "outer");
        InferenceSpan.Start("openai", "inner").End();
        outer.End(new InferenceUsage { PromptTokens = 7, CompletionTokens = 3 });

        Assert.Equal("inference", capture.Single("outer").Tag("span.type"));
        Assert.Equal(10L, capture.Single("outer").Metadata()!["total_tokens"]);
        Assert.Null(capture.Single("inner").Metadata());
    }

    [Fact]
    public void A_non_inference_parent_is_left_alone()
    {
        using var capture = new SpanCapture();
        using (var other = SpanCapture.OtherSource.StartActivity("http-handler"))
        {
            other!.SetTag("span.type", "http.process");
            InferenceSpan.Start("openai", "chat").End(new InferenceUsage { PromptTokens = 1 });
        }

        Assert.Equal("http.process", capture.Single("http-handler").Tag("span.type"));
    }

    [Fact]
    public void An_exception_marks_the_span_failed_and_nothing_bills()
    {
        using var capture = new SpanCapture();
        var span = InferenceSpan.Start("openai", "call");
        span.RecordException(new HttpRequestException("provider down"));
        span.End();

        var recorded = capture.Single("call");
        Assert.Equal(ActivityStatusCode.Error, recorded.Status);
        Assert.Equal("provider down", recorded.StatusDescription);
        Assert.Equal(typeof(HttpRequestException).FullName, recorded.Tag("error.type"));
        Assert.Contains(recorded.Events, e => e.Name == "exception");
        Assert.Null(recorded.Metadata());
    }

    [Fact]
    public void An_abandoned_stream_is_counted_with_the_usage_seen_so_far()
    {
        using var capture = new SpanCapture();
        InferenceSpan.Start("anthropic", "stream").EndAbandoned(new InferenceUsage { PromptTokens = 12 });

        var metadata = capture.Single("stream").Metadata()!;
        Assert.Equal(InferenceSpan.StreamAbandonedReason, metadata["finish_reason"]);
        Assert.Equal(12L, metadata["prompt_tokens"]);
        Assert.Equal(12L, metadata["total_tokens"]);
    }

    [Fact]
    public void With_no_activity_every_call_is_a_no_op()
    {
        var span = default(InferenceSpan);
        span.SetModel("m");
        span.SetEndpoint("https://x");
        span.RecordException(new InvalidOperationException());
        span.End(new InferenceUsage { PromptTokens = 1 });
        span.EndAbandoned(default);
        Assert.Null(span.Activity);
    }
}
