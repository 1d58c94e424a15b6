namespace Monocle.Paygentic.TraceFiles;

/// <summary>Settings of <see cref="MonocleFileExporter"/>; the defaults follow Monocle's file exporter.</summary>
public sealed class MonocleFileExporterOptions
{
    /// <summary>
    /// The folder the trace files go to: <c>MONOCLE_TRACE_OUTPUT_PATH</c> when set, else <c>./.monocle</c>.
    /// Created when missing.
    /// </summary>
    public string OutputPath { get; set; } = Environment.GetEnvironmentVariable("MONOCLE_TRACE_OUTPUT_PATH") is { Length: > 0 } path
        ? path
        : Path.Combine(".", ".monocle");

    /// <summary>The start of every file name: <c>MONOCLE_FILE_PREFIX</c> when set, else <c>monocle_trace_</c>.</summary>
    public string FilePrefix { get; set; } = Environment.GetEnvironmentVariable("MONOCLE_FILE_PREFIX") ?? "monocle_trace_";

    /// <summary>
    /// Whether only spans written by Monocle (those with <c>monocle_apptrace.version</c>) are written,
    /// as Monocle does by default. Default <see langword="true"/>.
    /// </summary>
    public bool MonocleSpansOnly { get; set; } = true;
}
