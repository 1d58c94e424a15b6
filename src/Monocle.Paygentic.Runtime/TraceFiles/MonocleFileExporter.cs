using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenTelemetry;
using OpenTelemetry.Resources;

namespace Monocle.Paygentic.TraceFiles;

/// <summary>
/// Writes spans to Monocle trace files, as Monocle's Python file exporter does: one file per trace,
/// <c>&lt;prefix&gt;&lt;service&gt;_&lt;trace id&gt;_&lt;time&gt;.json</c>, holding a JSON array of
/// spans. A trace's file is closed when its local root span (or a <c>workflow</c> span) is
/// exported, and at shutdown. <see cref="MonocleTraceFile"/> reads these files and Python's alike.
/// </summary>
/// <remarks>Thread-safe: exports, flushes and shutdown may come from different threads.</remarks>
public sealed class MonocleFileExporter : BaseExporter<Activity>
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Indented = true };

    private readonly MonocleFileExporterOptions _options;
    private readonly Dictionary<ActivityTraceId, FileStream> _openFiles = [];
    private readonly ArrayBufferWriter<byte> _spanBuffer = new(4096);
    private readonly List<string> _completed = [];
    private readonly object _lock = new();
    private List<KeyValuePair<string, object>>? _resourceAttributes;

    /// <summary>Creates the exporter; the output folder is created when missing.</summary>
    /// <param name="options">Where and what to write; <see langword="null"/> for the defaults.</param>
    /// <exception cref="IOException">The output folder cannot be created.</exception>
    public MonocleFileExporter(MonocleFileExporterOptions? options = null)
    {
        _options = options ?? new MonocleFileExporterOptions();
        Directory.CreateDirectory(_options.OutputPath);
    }

    /// <summary>The paths of the files this exporter has finished (closed), oldest first.</summary>
    public IReadOnlyList<string> CompletedFiles
    {
        get
        {
            lock (_lock)
            {
                return [.. _completed];
            }
        }
    }

    /// <inheritdoc/>
    public override ExportResult Export(in Batch<Activity> batch)
    {
        try
        {
            lock (_lock)
            {
                foreach (var activity in batch)
                {
                    if (_options.MonocleSpansOnly && activity.GetTagItem(MonocleAttributes.MonocleVersion) is null)
                    {
                        continue;
                    }

                    WriteSpan(activity);
                    if (IsLocalRoot(activity))
                    {
                        Close(activity.TraceId);
                    }
                }

                foreach (var file in _openFiles.Values)
                {
                    file.Flush();
                }
            }

            return ExportResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Never throw from Export; the SDK counts the failure.
            return ExportResult.Failure;
        }
    }

    /// <inheritdoc/>
    protected override bool OnForceFlush(int timeoutMilliseconds)
    {
        lock (_lock)
        {
            foreach (var file in _openFiles.Values)
            {
                file.Flush(flushToDisk: true);
            }
        }

        return true;
    }

    /// <inheritdoc/>
    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        lock (_lock)
        {
            foreach (var traceId in _openFiles.Keys.ToList())
            {
                Close(traceId);
            }
        }

        return true;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            OnShutdown(0);
        }

        base.Dispose(disposing);
    }

    private static bool IsLocalRoot(Activity activity) =>
        activity.Parent is null && (activity.ParentSpanId == default || activity.HasRemoteParent)
        || activity.GetTagItem(MonocleAttributes.SpanType) as string == MonocleSpanTypes.Workflow;

    private void WriteSpan(Activity activity)
    {
        _spanBuffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_spanBuffer, s_writerOptions))
        {
            SpanJsonWriter.Write(writer, activity, ResourceAttributes());
        }

        var isNew = !_openFiles.TryGetValue(activity.TraceId, out var file);
        if (isNew)
        {
            file = Open(activity.TraceId);
            _openFiles.Add(activity.TraceId, file);
        }

        file!.WriteByte(isNew ? (byte)'[' : (byte)',');
        file.Write(_spanBuffer.WrittenSpan);
        file.WriteByte((byte)'\n');
    }

    private FileStream Open(ActivityTraceId traceId)
    {
        var serviceName = ResourceAttributes().FirstOrDefault(a => a.Key == "service.name").Value as string ?? MonocleTelemetry.WorkflowName;
        var stem = string.Concat(_options.FilePrefix, serviceName, "_", traceId.ToHexString(), "_",
            DateTime.Now.ToString("yyyy-MM-dd_HH.mm.ss", CultureInfo.InvariantCulture));
        for (var attempt = 0; ; attempt++)
        {
            var path = Path.Combine(_options.OutputPath, attempt == 0 ? stem + ".json" : $"{stem}_{attempt}.json");
            try
            {
                // CreateNew: a trace that comes back within the same second gets its own file, never overwrites one.
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
    }

    private void Close(ActivityTraceId traceId)
    {
        if (_openFiles.Remove(traceId, out var file))
        {
            file.WriteByte((byte)']');
            file.Dispose();
            _completed.Add(file.Name);
        }
    }

    private List<KeyValuePair<string, object>> ResourceAttributes() =>
        _resourceAttributes ??= [.. ParentProvider?.GetResource().Attributes ?? []];
}
