namespace Monocle.Paygentic;

/// <summary>Settings of <c>AddMonocle</c> on an OpenTelemetry <c>TracerProviderBuilder</c>.</summary>
public sealed class MonocleOptions
{
    /// <summary>
    /// The workflow name written on every span (<c>workflow.name</c>); <see langword="null"/> keeps
    /// <see cref="MonocleTelemetry.WorkflowName"/>'s default (<c>OTEL_SERVICE_NAME</c>, else the entry assembly).
    /// </summary>
    public string? WorkflowName { get; set; }

    /// <summary>
    /// Whether an inference call that starts with no parent span gets a <c>workflow</c> root span
    /// around it, as Monocle writes one. Default <see langword="true"/>.
    /// </summary>
    public bool WorkflowRootSpans { get; set; } = true;
}
