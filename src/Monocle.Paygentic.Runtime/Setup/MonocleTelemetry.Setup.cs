using Monocle.Paygentic.Setup;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic;

public static partial class MonocleTelemetry
{
    /// <summary>
    /// Sets up Monocle tracing in one call, as Python's <c>setup_monocle_telemetry(workflow_name=…,
    /// monocle_exporters_list=…)</c> does: a tracer provider with Monocle's source, scope stamping,
    /// the workflow name as <c>service.name</c>, and the named exporters.
    /// </summary>
    /// <param name="workflowName">The workflow name written on every span; <see langword="null"/> keeps <see cref="WorkflowName"/>'s default.</param>
    /// <param name="exporters">
    /// Comma-separated exporter names (<see cref="MonocleExporterNames"/>); <see langword="null"/> reads
    /// <c>MONOCLE_EXPORTER</c>, else <c>file</c>. An unknown name is warned about on
    /// <see cref="MonocleSetupOptions.Warnings"/> and skipped; when no name is usable the <c>file</c>
    /// exporter is used, as in Monocle.
    /// </param>
    /// <param name="configure">More settings: the memory exporter's collection, file output folder, extra sources.</param>
    /// <returns>The tracer provider; dispose it at exit to flush the exporters.</returns>
    /// <example>
    /// <code>
    /// using var tracing = MonocleTelemetry.Setup(workflowName: "my-app", exporters: "file,console");
    /// </code>
    /// </example>
    public static TracerProvider Setup(string? workflowName = null, string? exporters = null, Action<MonocleSetupOptions>? configure = null)
    {
        var options = new MonocleSetupOptions();
        configure?.Invoke(options);
        if (!string.IsNullOrWhiteSpace(workflowName))
        {
            options.Monocle.WorkflowName = workflowName;
        }

        var list = exporters ?? Environment.GetEnvironmentVariable(MonocleExporterNames.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(list))
        {
            list = MonocleExporterNames.Default;
        }

        var builder = Sdk.CreateTracerProviderBuilder()
            .AddMonocle(monocle =>
            {
                monocle.WorkflowName = options.Monocle.WorkflowName;
                monocle.WorkflowRootSpans = options.Monocle.WorkflowRootSpans;
            })
            .ConfigureResource(resource => resource.AddService(WorkflowName));
        options.ConfigureTracerProvider?.Invoke(builder);

        var added = 0;
        foreach (var name in ExporterRegistry.Parse(list))
        {
            if (ExporterRegistry.TryGet(name, out var add))
            {
                add(builder, options);
                added++;
            }
            else
            {
                options.Warnings.WriteLine(
                    $"Monocle.Paygentic: unsupported span exporter '{name}' skipped; known exporters: {string.Join(", ", ExporterRegistry.Names)}.");
            }
        }

        if (added == 0)
        {
            options.Warnings.WriteLine($"Monocle.Paygentic: no usable span exporter in '{list}'; writing trace files ('{MonocleExporterNames.File}').");
            ExporterRegistry.TryGet(MonocleExporterNames.File, out var addFile);
            addFile(builder, options);
        }

        return builder.Build();
    }
}
