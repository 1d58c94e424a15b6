using System.Diagnostics;
using Monocle.Paygentic.Export;
using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Runtime.Tests.Conversion;
using Monocle.Paygentic.Runtime.Tests.TraceFiles;
using Monocle.Paygentic.TraceFiles;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Runtime.Tests.Setup;

/// <summary>Setup changes process-wide state (workflow name, environment): these tests run alone.</summary>
[CollectionDefinition(nameof(SetupTests), DisableParallelization = true)]
public sealed class SetupCollection;

[Collection(nameof(SetupTests))]
public sealed class SetupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "monocle-setup-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Unknown_exporter_names_are_warned_about_and_skipped()
    {
        var spans = new List<Activity>();
        var warnings = new StringWriter();
        using (MonocleTelemetry.Setup("setup-tests", " memory , bogus,,memory", o => { o.MemorySpans = spans; o.Warnings = warnings; }))
        {
            Call("sub_1");
        }

        Assert.Contains("unsupported span exporter 'bogus' skipped", warnings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("memory'", warnings.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, spans.Count);
    }

    [Fact]
    public void The_exporter_list_defaults_to_MONOCLE_EXPORTER()
    {
        var spans = new List<Activity>();
        var previous = Environment.GetEnvironmentVariable(MonocleExporterNames.EnvironmentVariable);
        Environment.SetEnvironmentVariable(MonocleExporterNames.EnvironmentVariable, "memory");
        try
        {
            using (MonocleTelemetry.Setup("setup-tests", exporters: null, o => o.MemorySpans = spans))
            {
                Call("sub_1");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(MonocleExporterNames.EnvironmentVariable, previous);
        }

        Assert.NotEmpty(spans);
    }

    [Fact]
    public void With_no_usable_exporter_setup_falls_back_to_trace_files()
    {
        var warnings = new StringWriter();
        using (MonocleTelemetry.Setup("setup-tests", "nope", o => { o.File.OutputPath = _folder; o.Warnings = warnings; }))
        {
            Call("sub_1");
        }

        Assert.Contains("writing trace files", warnings.ToString(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_folder, "monocle_trace_setup-tests_*.json"));
    }

    [Fact]
    public void Memory_exporter_receives_the_inference_span_under_a_workflow_root()
    {
        var spans = new List<Activity>();
        using (MonocleTelemetry.Setup("setup-tests", "memory", o => o.MemorySpans = spans))
        {
            Call("sub_7");
        }

        var inference = Assert.Single(spans, s => s.GetTagItem(MonocleAttributes.SpanType) as string == MonocleSpanTypes.Inference);
        var workflow = Assert.Single(spans, s => s.GetTagItem(MonocleAttributes.SpanType) as string == MonocleSpanTypes.Workflow);
        Assert.Equal(workflow.SpanId, inference.ParentSpanId);
        Assert.Equal(default, workflow.ParentSpanId);
        Assert.Equal("setup-tests", workflow.GetTagItem("entity.1.name"));
        Assert.Equal("workflow.generic", workflow.GetTagItem(MonocleAttributes.Entity1Type));
        Assert.Equal("sub_7", workflow.GetTagItem(MonocleAttributes.ScopeSubscriptionId));
        Assert.Equal("setup-tests", inference.GetTagItem(MonocleAttributes.WorkflowName));
        Assert.Null(Activity.Current);
    }

    [Fact]
    public async Task A_pending_call_gives_the_caller_back_what_it_had_and_each_call_roots_its_own_trace()
    {
        var spans = new List<Activity>();
        using (MonocleTelemetry.Setup("setup-tests", "memory", o => o.MemorySpans = spans))
        using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_loop"))
        {
            for (var i = 0; i < 3; i++)
            {
                // What a generated Task wrapper does: start, hand the caller its activity back, end later elsewhere.
                var span = InferenceSpan.Start("openai", "call");
                span.RestoreCallerActivity();
                Assert.Null(Activity.Current);
                await Task.Run(() => span.End(new InferenceUsage { PromptTokens = 1, CompletionTokens = 1 }));
                Assert.Null(Activity.Current);
            }
        }

        var calls = spans.Where(s => s.DisplayName == "call").ToList();
        Assert.Equal(3, calls.Count);
        Assert.Equal(3, calls.Select(s => s.TraceId).Distinct().Count());
        Assert.All(calls, c => Assert.Contains(spans, w => w.SpanId == c.ParentSpanId && w.GetTagItem(MonocleAttributes.SpanType) as string == MonocleSpanTypes.Workflow));
    }

    [Fact]
    public void AddMonocle_stamps_scopes_on_spans_of_other_sources()
    {
        using var other = new ActivitySource("SetupTests.Http");
        var spans = new List<Activity>();
        using (Sdk.CreateTracerProviderBuilder().AddMonocle().AddSource(other.Name).AddInMemoryExporter(spans).Build())
        using (MonocleTrace.Scope(MonocleScopes.CustomerId, "cus_5"))
        using (MonocleTrace.Scope("tenant", "acme"))
        {
            other.StartActivity("GET /v1/chat")!.Stop();
        }

        var span = Assert.Single(spans);
        Assert.Equal("cus_5", span.GetTagItem(MonocleAttributes.ScopeCustomerId));
        Assert.Equal("acme", span.GetTagItem("scope.tenant"));
    }

    [Fact]
    public async Task A_trace_file_written_by_the_file_exporter_converts_to_the_events_of_the_live_spans()
    {
        var spans = new List<Activity>();
        using (MonocleTelemetry.Setup("roundtrip", "memory,file", o => { o.MemorySpans = spans; o.File.OutputPath = _folder; }))
        {
            Call("sub_1");
            Call("sub_2", provider: "anthropic", finishReason: "end_turn");
        }

        var converter = new PaygenticEventConverter();
        var live = converter.ConvertAll(spans).Where(c => c.HasEvent).Select(c => EventJson.Serialize(c.Event!)).ToList();
        var files = Directory.GetFiles(_folder, "*.json").OrderBy(File.GetCreationTimeUtc).ToList();
        Assert.Equal(2, files.Count);
        var replayed = new List<string>();
        foreach (var file in files)
        {
            var errors = new List<TraceFileError>();
            await foreach (var conversion in converter.ConvertAllAsync(MonocleTraceFile.ReadSpansAsync(file, errors.Add)))
            {
                if (conversion.Event is { } e)
                {
                    replayed.Add(EventJson.Serialize(e));
                }
            }

            Assert.Empty(errors);
        }

        Assert.Equal(2, live.Count);
        Assert.Equal(live.Order(), replayed.Order());
        Assert.Contains(live, e => e.Contains("\"ai.inference.anthropic\"", StringComparison.Ordinal) && e.Contains("\"finish_type\":\"success\"", StringComparison.Ordinal));
    }

    private static void Call(string subscriptionId, string provider = "openai", string finishReason = "stop")
    {
        using var scope = MonocleTrace.Scope(MonocleScopes.SubscriptionId, subscriptionId);
        var span = InferenceSpan.Start(provider, "Assistant.Ask", model: "gpt-4o", endpoint: "https://api.openai.com/v1/");
        span.End(new InferenceUsage { PromptTokens = 10, CompletionTokens = 5, FinishReason = finishReason });
    }
}
