using System.Diagnostics;
using Monocle.Paygentic.Scopes;

namespace Monocle.Paygentic.Setup;

/// <summary>
/// The <c>workflow</c> root span Monocle writes around an instrumented call that starts with no parent.
/// </summary>
/// <remarks>
/// Started by <see cref="Instrumentation.InferenceSpan.Start"/> only when <see cref="Activity.Current"/> is
/// null and <c>AddMonocle</c> switched it on, and stopped by the inference span's <c>End</c>: the
/// cheapest place, since it costs one check of <see cref="Activity.Current"/> on a path that already
/// creates an activity, and a processor cannot give an activity a parent once it has started.
/// </remarks>
internal static class WorkflowSpan
{
    private const string OwnedProperty = "Monocle.Paygentic.WorkflowRoot";
    private const string WorkflowTypeGeneric = "workflow.generic";
    private const string AppHostingGeneric = "app_hosting.generic";
    private const string Generic = "generic";
    private static volatile bool s_enabled;

    public static bool Enabled
    {
        get => s_enabled;
        set => s_enabled = value;
    }

    /// <summary>Starts a workflow root when switched on and nothing encloses the call; else <see langword="null"/>.</summary>
    public static Activity? StartIfRoot()
    {
        if (!s_enabled || Activity.Current is not null)
        {
            return null;
        }

        var activity = MonocleTelemetry.Source.StartActivity(MonocleSpanTypes.Workflow, ActivityKind.Internal);
        if (activity is null)
        {
            return null;
        }

        activity.SetCustomProperty(OwnedProperty, OwnedProperty);
        if (activity.IsAllDataRequested)
        {
            var workflowName = MonocleTelemetry.WorkflowName;
            activity.AddTag(MonocleAttributes.MonocleVersion, MonocleTelemetry.Version);
            activity.AddTag(MonocleAttributes.MonocleLanguage, MonocleAttributes.LanguageDotnet);
            activity.AddTag(MonocleAttributes.WorkflowName, workflowName);
            activity.AddTag(MonocleAttributes.SpanType, MonocleSpanTypes.Workflow);
            activity.AddTag("entity.1.name", workflowName);
            activity.AddTag(MonocleAttributes.Entity1Type, WorkflowTypeGeneric);
            activity.AddTag(MonocleAttributes.Entity2Type, AppHostingGeneric);
            activity.AddTag(MonocleAttributes.Entity2Name, Generic);
            ScopeTags.Write(activity);
        }

        return activity;
    }

    /// <summary>
    /// The activity that was current when <paramref name="span"/> was started: its parent, or, when the
    /// parent is a workflow root started for it, what was current before that root (nothing).
    /// </summary>
    public static Activity? CallerActivity(Activity span) =>
        span.Parent is { } parent && parent.GetCustomProperty(OwnedProperty) is not null ? parent.Parent : span.Parent;

    /// <summary>Stops <paramref name="ended"/>'s parent when it is a workflow root this class started.</summary>
    public static void StopIfOwnedParent(Activity ended)
    {
        if (ended.Parent is { } parent && parent.GetCustomProperty(OwnedProperty) is not null && !parent.IsStopped)
        {
            parent.Stop();
        }
    }
}
