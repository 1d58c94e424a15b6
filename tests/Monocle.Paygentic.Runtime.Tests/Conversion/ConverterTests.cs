using System.Diagnostics;
using Monocle.Paygentic.Export;
using Monocle.Paygentic.Runtime.Tests.TraceFiles;
using Monocle.Paygentic.TraceFiles;

namespace Monocle.Paygentic.Runtime.Tests.Conversion;

public class ConverterTests
{
    [Fact]
    public async Task A_python_array_file_converts_with_ids_stripped_and_no_prompt()
    {
        var records = await TraceFilePaths.ToListAsync(MonocleTraceFile.ReadAsync(TraceFilePaths.TestData("python_array.json")));
        Assert.All(records, r => Assert.True(r.IsSpan, r.ToString()));

        var conversions = new PaygenticEventConverter().ConvertAll(records.Select(r => r.Span!)).ToList();

        Assert.Equal(PaygenticSkipReason.NotInference, conversions[1].SkipReason);
        EventJson.AssertSame(
            """{"type":"ai.inference.openai","source":"monocle","subject":"cus_1","idempotencyKey":"0af7651916cd43dd8448eb211c80319c_b7ad6b7169203331","timestamp":"2025-07-13T09:45:33.241095Z","data":{"span_id":"b7ad6b7169203331","trace_id":"0af7651916cd43dd8448eb211c80319c","name":"openai.resources.chat.completions.Completions","model_name":"gpt-4o-mini","prompt_tokens":12,"completion_tokens":3,"total_tokens":15,"finish_reason":"stop"}}""",
            EventJson.Serialize(conversions[0].Event!),
            "python_array.json");
        Assert.DoesNotContain("secret prompt", EventJson.Serialize(conversions[0].Event!));
    }

    [Fact]
    public async Task One_span_per_line_file_dedupes_and_reports_the_missing_subject()
    {
        var converter = new PaygenticEventConverter(new PaygenticEventConverterOptions { Source = "my-app", Namespace = "org_1" });
        var errors = new List<TraceFileError>();
        var conversions = await TraceFilePaths.ToListAsync(
            converter.ConvertAllAsync(MonocleTraceFile.ReadSpansAsync(TraceFilePaths.TestData("one_span_per_line.ndjson"), errors.Add)));

        Assert.Empty(errors);
        Assert.Equal(
            [PaygenticSkipReason.None, PaygenticSkipReason.Duplicate, PaygenticSkipReason.NoSubject],
            conversions.Select(c => c.SkipReason));
        var e = conversions[0].Event!;
        Assert.Equal("ai.inference.azure_openai", e.Type);
        Assert.Equal("sub_9", e.Subject);
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 23, 20, 25, 500, TimeSpan.Zero), e.Timestamp);
        Assert.Equal(
            """{"type":"ai.inference.azure_openai","source":"my-app","subject":"sub_9","namespace":"org_1","idempotencyKey":"11111111111111111111111111111111_2222222222222222","timestamp":"2026-01-03T23:20:25.5Z","data":{"span_id":"2222222222222222","trace_id":"11111111111111111111111111111111","name":"chat","total_tokens":7}}""",
            EventJson.Serialize(e));
        Assert.Equal("11111111111111111111111111111111_3333333333333333", conversions[2].IdempotencyKey);
        Assert.Contains("no subject resolved", conversions[2].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Activity_tags_of_every_numeric_type_count_and_subscription_wins_over_customer()
    {
        using var source = new ActivitySource("ConverterTests.Numeric");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        var activity = source.StartActivity("call")!;
        activity.SetTag(MonocleAttributes.SpanType, "inference.modelapi");
        activity.SetTag(MonocleAttributes.Entity1Type, "inference.groq");
        activity.SetTag(MonocleAttributes.ScopeCustomerId, "cus_2");
        activity.SetTag(MonocleAttributes.ScopeSubscriptionId, 42);
        activity.AddEvent(new ActivityEvent("metadata", tags: new ActivityTagsCollection
        {
            { "prompt_tokens", 3 }, { "completion_tokens", 4L }, { "cost", 0.5 }, { "total_tokens", "7" },
        }));
        activity.Stop();

        var e = new PaygenticEventConverter().Convert(activity).Event!;
        Assert.Equal("42", e.Subject);
        Assert.Equal("ai.inference.groq", e.Type);
        Assert.Equal(3L, e.Data["prompt_tokens"]);
        Assert.Equal(4L, e.Data["completion_tokens"]);
        Assert.Equal(0.5, e.Data["cost"]);
        Assert.Equal("7", e.Data["total_tokens"]);
        Assert.Equal(activity.StartTimeUtc + activity.Duration, e.Timestamp.UtcDateTime);
    }

    [Fact]
    public void An_inference_span_without_metadata_or_subject_or_type_says_why()
    {
        using var source = new ActivitySource("ConverterTests.Skips");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var converter = new PaygenticEventConverter();

        var framework = source.StartActivity("agent")!;
        framework.SetTag(MonocleAttributes.SpanType, MonocleSpanTypes.InferenceFramework);
        framework.SetTag(MonocleAttributes.ScopeSubscriptionId, "sub_1");
        framework.Stop();
        Assert.Equal(PaygenticSkipReason.NoUsage, converter.Convert(framework).SkipReason);

        var untyped = source.StartActivity("call")!;
        untyped.SetTag(MonocleAttributes.SpanType, MonocleSpanTypes.Inference);
        untyped.SetTag(MonocleAttributes.ScopeSubscriptionId, "sub_1");
        untyped.AddEvent(new ActivityEvent("metadata", tags: new ActivityTagsCollection { { "total_tokens", 1 } }));
        untyped.Stop();
        Assert.Equal(PaygenticSkipReason.NoEventType, converter.Convert(untyped).SkipReason);

        var emptySubject = source.StartActivity("call")!;
        emptySubject.SetTag(MonocleAttributes.SpanType, MonocleSpanTypes.Inference);
        emptySubject.SetTag(MonocleAttributes.Entity1Type, "inference.openai");
        emptySubject.SetTag(MonocleAttributes.ScopeSubscriptionId, "");
        emptySubject.AddEvent(new ActivityEvent("metadata", tags: new ActivityTagsCollection { { "total_tokens", 1 } }));
        emptySubject.Stop();
        Assert.Equal(PaygenticSkipReason.NoSubject, converter.Convert(emptySubject).SkipReason);

        var blankSubject = source.StartActivity("call")!;
        blankSubject.SetTag(MonocleAttributes.SpanType, MonocleSpanTypes.Inference);
        blankSubject.SetTag(MonocleAttributes.Entity1Type, "inference.openai");
        blankSubject.SetTag(MonocleAttributes.ScopeSubscriptionId, "   ");
        blankSubject.SetTag(MonocleAttributes.ScopeCustomerId, "cus_1");
        blankSubject.AddEvent(new ActivityEvent("metadata", tags: new ActivityTagsCollection { { "total_tokens", 1 } }));
        blankSubject.Stop();
        Assert.Equal("cus_1", converter.Convert(blankSubject).Event!.Subject);   // a blank subscription names nobody
    }
}
