using System.ComponentModel;
using System.Diagnostics;
using Monocle.Paygentic.Scopes;
using Monocle.Paygentic.Setup;

namespace Monocle.Paygentic.Instrumentation;

/// <summary>
/// A Monocle inference span in progress. This is the contract between the Monocle.Paygentic source
/// generator and the runtime: generated <see cref="BillableInferenceAttribute"/> wrappers call it, and
/// hand-written instrumentation may too. It is stable across versions of the package.
/// </summary>
/// <remarks>
/// <para>The pattern, for every return shape:</para>
/// <code>
/// if (!InferenceSpan.IsEnabled) return AskCore(q);          // nobody listens: a direct call, 0 bytes
/// var span = InferenceSpan.Start("openai", "Assistant.Ask");
/// var usage = default(InferenceUsage);
/// try { var r = AskCore(q); usage = /* read from r */; return r; }
/// catch (Exception e) { span.RecordException(e); throw; }
/// finally { span.End(usage); }
/// </code>
/// <para>Exactly one billable event per provider call (the nesting rule): when a span ends with usage it
/// carries the <c>metadata</c> event and every enclosing inference span still open becomes
/// <see cref="MonocleSpanTypes.InferenceFramework"/>; such a span ends without <c>metadata</c>. An
/// enclosing span whose descendants produced no usage bills itself.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct InferenceSpan
{
    private const string ReportedUsageProperty = "Monocle.Paygentic.ReportedUsage";
    private static readonly object s_oneEntity = 1;
    private static readonly object s_twoEntities = 2;

    private readonly Activity? _activity;
    private readonly string? _provider;

    private InferenceSpan(Activity activity, string provider)
    {
        _activity = activity;
        _provider = provider;
    }

    /// <summary>
    /// Whether anything listens to Monocle's <see cref="ActivitySource"/>. When it is
    /// <see langword="false"/>, callers skip tracing entirely and call the implementation directly.
    /// </summary>
    public static bool IsEnabled => MonocleTelemetry.Source.HasListeners();

    /// <summary>The span's <see cref="System.Diagnostics.Activity"/>, or <see langword="null"/> when none was created.</summary>
    public Activity? Activity => _activity;

    /// <summary>
    /// Starts an inference span as the child of <see cref="Activity.Current"/>. With no current
    /// activity and <c>AddMonocle</c> set up, a <c>workflow</c> root span is started around it first
    /// and ended by <see cref="End()"/>, as Monocle roots its traces.
    /// </summary>
    /// <param name="provider">The provider as Monocle names it, e.g. <c>openai</c>.</param>
    /// <param name="name">The span name, e.g. <c>MyApp.Assistant.AskAsync</c>.</param>
    /// <param name="model">The model, when known before the call.</param>
    /// <param name="endpoint">The provider endpoint URL, when known.</param>
    /// <returns>The span; a span with no <see cref="Activity"/> when no listener samples it.</returns>
    public static InferenceSpan Start(string provider, string name, string? model = null, string? endpoint = null)
    {
        var workflow = WorkflowSpan.StartIfRoot();
        var activity = MonocleTelemetry.Source.StartActivity(name, ActivityKind.Client);
        if (activity is null)
        {
            workflow?.Stop();
            return default;
        }

        if (activity.IsAllDataRequested)
        {
            activity.AddTag(MonocleAttributes.SpanType, MonocleSpanTypes.Inference);
            activity.AddTag(MonocleAttributes.Entity1Type, ProviderNames.EntityType(provider));
            if (!string.IsNullOrEmpty(endpoint))
            {
                SetEndpointTags(activity, endpoint);
            }

            if (!string.IsNullOrEmpty(model))
            {
                SetModelTags(activity, model);
            }
            else
            {
                activity.AddTag(MonocleAttributes.EntityCount, s_oneEntity);
            }

            activity.AddTag(MonocleAttributes.WorkflowName, MonocleTelemetry.WorkflowName);
            activity.AddTag(MonocleAttributes.MonocleVersion, MonocleTelemetry.Version);
            activity.AddTag(MonocleAttributes.MonocleLanguage, MonocleAttributes.LanguageDotnet);
            ScopeTags.Write(activity);
        }

        return new InferenceSpan(activity, provider);
    }

    /// <summary>Names the model once it is known (from the result, for instance).</summary>
    /// <param name="model">The model name; ignored when null or empty.</param>
    public void SetModel(string? model)
    {
        if (_activity is { IsAllDataRequested: true } activity && !string.IsNullOrEmpty(model))
        {
            SetModelTags(activity, model);
        }
    }

    /// <summary>Names the provider endpoint once it is known.</summary>
    /// <param name="endpoint">The endpoint URL; ignored when null or empty.</param>
    public void SetEndpoint(string? endpoint)
    {
        if (_activity is { IsAllDataRequested: true } activity && !string.IsNullOrEmpty(endpoint))
        {
            SetEndpointTags(activity, endpoint);
        }
    }

    /// <summary>
    /// Gives the caller back its <see cref="Activity.Current"/> while the span stays open: for a call whose
    /// work goes on after the wrapper returns (a pending task). The work already started keeps the span as
    /// its current activity; the caller's code that runs before it awaits does not.
    /// </summary>
    public void RestoreCallerActivity()
    {
        if (_activity is { } activity)
        {
            Activity.Current = WorkflowSpan.CallerActivity(activity);
        }
    }

    /// <summary>Marks the span as failed with <paramref name="exception"/>.</summary>
    /// <param name="exception">The exception the call threw.</param>
    public void RecordException(Exception exception)
    {
        if (_activity is not { } activity || exception is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("error.type", exception.GetType().FullName);
#if NET9_0_OR_GREATER
            activity.AddException(exception);
#else
            activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
            {
                { "exception.type", exception.GetType().FullName },
                { "exception.message", exception.Message },
                { "exception.stacktrace", exception.ToString() },
            }));
#endif
        }
    }

    /// <summary>
    /// Ends the span. With token counts in <paramref name="usage"/> (or reported through
    /// <see cref="MonocleTrace.ReportUsage"/> during the call) the span bills: it carries the
    /// <c>metadata</c> event, unless a span inside it already billed.
    /// </summary>
    /// <param name="usage">The usage read from the result; <see langword="default"/> when it has none.</param>
    public void End(in InferenceUsage usage) => End(usage, abandoned: false);

    /// <summary>Ends the span with no usage from the result (a reported usage still counts).</summary>
    public void End() => End(default, abandoned: false);

    /// <summary>
    /// Ends the span of a stream that its consumer stopped reading before the end. The usage seen so
    /// far is recorded and the <c>metadata</c> event is written in any case, with
    /// <see cref="MonocleEvents.FinishReason"/> <c>stream_abandoned</c>, so the call is counted.
    /// </summary>
    /// <param name="usageSoFar">The usage the stream carried before it was abandoned.</param>
    public void EndAbandoned(in InferenceUsage usageSoFar) => End(usageSoFar, abandoned: true);

    private void End(in InferenceUsage resultUsage, bool abandoned)
    {
        if (_activity is not { } activity)
        {
            return;
        }

        if (activity.IsAllDataRequested)
        {
            var usage = resultUsage.HasTokens ? resultUsage : MergeReported(activity, resultUsage);
            if (abandoned)
            {
                usage = usage with { FinishReason = StreamAbandonedReason };
            }

            if (usage.HasTokens || abandoned)
            {
                Bill(activity, usage);
            }
        }

        activity.Stop();
        WorkflowSpan.StopIfOwnedParent(activity);
    }

    /// <summary>The <see cref="MonocleEvents.FinishReason"/> of a stream whose consumer stopped reading early.</summary>
    public const string StreamAbandonedReason = "stream_abandoned";

    internal static bool ReportToCurrent(InferenceUsage usage)
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (ReferenceEquals(activity.Source, MonocleTelemetry.Source)
                && MonocleSpanTypes.IsInference(activity.GetTagItem(MonocleAttributes.SpanType) as string))
            {
                var reported = activity.GetCustomProperty(ReportedUsageProperty) is InferenceUsage earlier
                    ? earlier.Add(usage)
                    : usage;
                activity.SetCustomProperty(ReportedUsageProperty, reported);
                return true;
            }
        }

        return false;
    }

    private static InferenceUsage MergeReported(Activity activity, in InferenceUsage resultUsage) =>
        activity.GetCustomProperty(ReportedUsageProperty) is InferenceUsage reported
            ? reported.Update(new InferenceUsage { FinishReason = resultUsage.FinishReason, Model = resultUsage.Model })
            : resultUsage;

    private void Bill(Activity activity, in InferenceUsage usage)
    {
        if (usage.Model is { Length: > 0 } model && activity.GetTagItem(MonocleAttributes.Entity2Name) is null)
        {
            SetModelTags(activity, model);
        }

        // A span inside this one already billed the provider call: this one only frames it.
        if (activity.GetTagItem(MonocleAttributes.SpanType) as string == MonocleSpanTypes.InferenceFramework)
        {
            return;
        }

        var metadata = new ActivityTagsCollection();
        Add(metadata, MonocleEvents.PromptTokens, usage.PromptTokens);
        Add(metadata, MonocleEvents.CompletionTokens, usage.CompletionTokens);
        metadata.Add(MonocleEvents.TotalTokens, usage.EffectiveTotalTokens ?? 0L);
        Add(metadata, MonocleEvents.CacheReadInputTokens, usage.CacheReadInputTokens);
        Add(metadata, MonocleEvents.CacheCreationInputTokens, usage.CacheCreationInputTokens);
        if (usage.FinishReason is { Length: > 0 } reason)
        {
            metadata.Add(MonocleEvents.FinishReason, reason);
            if (FinishTypes.FromFinishReason(_provider, reason) is { } finishType)
            {
                metadata.Add(MonocleEvents.FinishType, finishType);
            }
        }

        if (activity.GetTagItem(MonocleAttributes.Entity2Name) is string modelName)
        {
            metadata.Add(MonocleEvents.ModelName, modelName);
        }

        activity.AddEvent(new ActivityEvent(MonocleEvents.Metadata, tags: metadata));
        FrameEnclosingSpans(activity);
    }

    // Decided when the inner span ends: every enclosing inference span still open now only frames this call.
    private static void FrameEnclosingSpans(Activity billed)
    {
        for (var parent = billed.Parent; parent is not null; parent = parent.Parent)
        {
            if (!parent.IsStopped
                && parent.GetTagItem(MonocleAttributes.SpanType) as string == MonocleSpanTypes.Inference)
            {
                parent.SetTag(MonocleAttributes.SpanType, MonocleSpanTypes.InferenceFramework);
            }
        }
    }

    private static void Add(ActivityTagsCollection tags, string name, long? value)
    {
        if (value.HasValue)
        {
            tags.Add(name, value.Value);
        }
    }

    private static void SetModelTags(Activity activity, string model)
    {
        activity.SetTag(MonocleAttributes.Entity2Name, model);
        activity.SetTag(MonocleAttributes.Entity2Type, "model.llm." + model);
        activity.SetTag(MonocleAttributes.EntityCount, s_twoEntities);
    }

    private static void SetEndpointTags(Activity activity, string endpoint)
    {
        activity.SetTag(MonocleAttributes.Entity1InferenceEndpoint, endpoint);
        if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            activity.SetTag(MonocleAttributes.Entity1ProviderName, uri.Host);
        }
    }
}
