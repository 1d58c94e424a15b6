using System.Diagnostics;
using Monocle.Paygentic.TraceFiles;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic;

/// <summary>Settings of <see cref="MonocleTelemetry.Setup"/> beyond the workflow and exporter names.</summary>
public sealed class MonocleSetupOptions
{
    /// <summary>The <c>AddMonocle</c> settings; its <see cref="MonocleOptions.WorkflowName"/> is set from Setup's argument.</summary>
    public MonocleOptions Monocle { get; } = new();

    /// <summary>Where the <c>memory</c> exporter puts finished spans. Default: a new list, readable here after setup.</summary>
    public ICollection<Activity> MemorySpans { get; set; } = new List<Activity>();

    /// <summary>Settings of the <c>file</c> exporter.</summary>
    public MonocleFileExporterOptions File { get; set; } = new();

    /// <summary>Settings of the <c>paygentic</c> exporter in code (they win over <c>PAYGENTIC_*</c> and configuration).</summary>
    public Action<PaygenticExporterOptions>? Paygentic { get; set; }

    /// <summary>Where setup warnings (an unknown exporter name) go. Default: standard error.</summary>
    public TextWriter Warnings { get; set; } = Console.Error;

    /// <summary>More configuration of the tracer provider (other sources, instrumentations, a sampler), applied before it is built.</summary>
    public Action<TracerProviderBuilder>? ConfigureTracerProvider { get; set; }
}
