using Monocle.Paygentic;
using Monocle.Paygentic.Setup;

namespace OpenTelemetry.Trace;

/// <summary>Adds Monocle tracing to an OpenTelemetry tracer provider.</summary>
public static class MonocleTracerProviderBuilderExtensions
{
    /// <summary>
    /// Adds Monocle's <see cref="System.Diagnostics.ActivitySource"/> (<see cref="MonocleTelemetry.ActivitySourceName"/>),
    /// sets the workflow name, and stamps the trace scopes in effect (<c>scope.&lt;name&gt;</c>) on
    /// every span the provider records, other instrumentations' spans included.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets <see cref="MonocleOptions"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>The workflow name and the workflow-root switch are process-wide, like Monocle's.</remarks>
    public static TracerProviderBuilder AddMonocle(this TracerProviderBuilder builder, Action<MonocleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new MonocleOptions();
        configure?.Invoke(options);
        if (!string.IsNullOrWhiteSpace(options.WorkflowName))
        {
            MonocleTelemetry.WorkflowName = options.WorkflowName;
        }

        WorkflowSpan.Enabled = options.WorkflowRootSpans;
        return builder
            .AddSource(MonocleTelemetry.ActivitySourceName)
            .AddProcessor(new MonocleScopeProcessor());
    }
}
