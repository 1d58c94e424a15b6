using System.Reflection;

namespace Monocle.Paygentic;

public static partial class MonocleTelemetry
{
    private static string? s_workflowName;

    /// <summary>
    /// The workflow name written on every span as <see cref="MonocleAttributes.WorkflowName"/>: the one
    /// given at setup, else <c>OTEL_SERVICE_NAME</c>, else the entry assembly's name.
    /// </summary>
    public static string WorkflowName
    {
        get => s_workflowName ??= DefaultWorkflowName();
        internal set => s_workflowName = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static string DefaultWorkflowName() =>
        Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") is { Length: > 0 } serviceName
            ? serviceName
            : Assembly.GetEntryAssembly()?.GetName().Name ?? "dotnet-app";
}
