using Monocle.Paygentic.TraceFiles;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Setup;

/// <summary>
/// Exporter name → how to add it to a tracer provider. The one place a new exporter (such as
/// <c>paygentic</c>) is registered for <see cref="MonocleTelemetry.Setup"/>.
/// </summary>
internal static class ExporterRegistry
{
    private static readonly Dictionary<string, Action<TracerProviderBuilder, MonocleSetupOptions>> s_exporters =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [MonocleExporterNames.Console] = static (builder, _) => builder.AddConsoleExporter(),
            [MonocleExporterNames.File] = static (builder, options) =>
                builder.AddProcessor(new BatchActivityExportProcessor(new MonocleFileExporter(options.File))),
            [MonocleExporterNames.Memory] = static (builder, options) => builder.AddInMemoryExporter(options.MemorySpans),
            // Monocle's otlp exporter is OTLP over HTTP/protobuf; keep the same wire so the same collector config works.
            [MonocleExporterNames.Paygentic] = static (builder, options) => builder.AddPaygenticExporter(options.Paygentic),
            [MonocleExporterNames.Otlp] = static (builder, _) =>
                builder.AddOtlpExporter(o => o.Protocol = OtlpExportProtocol.HttpProtobuf),
        };

    public static IEnumerable<string> Names => s_exporters.Keys;

    public static bool TryGet(string name, out Action<TracerProviderBuilder, MonocleSetupOptions> add) =>
        s_exporters.TryGetValue(name, out add!);

    /// <summary>The names in a comma-separated list, trimmed, empty entries and repeats dropped.</summary>
    public static List<string> Parse(string list)
    {
        var names = new List<string>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!names.Contains(part, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(part);
            }
        }

        return names;
    }
}
