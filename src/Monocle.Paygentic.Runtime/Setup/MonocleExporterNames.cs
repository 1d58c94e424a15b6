namespace Monocle.Paygentic;

/// <summary>The exporter names <see cref="MonocleTelemetry.Setup"/> understands, as Monocle spells them.</summary>
public static class MonocleExporterNames
{
    /// <summary>Spans to standard output.</summary>
    public const string Console = "console";

    /// <summary>Spans to Monocle trace files (<see cref="TraceFiles.MonocleFileExporter"/>).</summary>
    public const string File = "file";

    /// <summary>Spans to <see cref="MonocleSetupOptions.MemorySpans"/>.</summary>
    public const string Memory = "memory";

    /// <summary>Spans over OTLP/HTTP to <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public const string Otlp = "otlp";

    /// <summary>Usage events to Paygentic (<see cref="PaygenticExporter"/>), configured by <c>PAYGENTIC_*</c> and <see cref="MonocleSetupOptions.Paygentic"/>.</summary>
    public const string Paygentic = "paygentic";

    /// <summary>The environment variable that names the exporters when Setup is given none.</summary>
    public const string EnvironmentVariable = "MONOCLE_EXPORTER";

    /// <summary>The exporters used when neither the argument nor <see cref="EnvironmentVariable"/> names any (Monocle's default).</summary>
    public const string Default = File;
}
