using Monocle.Paygentic.Export;
using Monocle.Paygentic.TraceFiles;

namespace Monocle.Paygentic.Tool.Replay;

/// <summary>
/// Reads Monocle trace files and turns their spans into Paygentic events with the one conversion the
/// exporter uses; a span that appears twice (in one file or across files) is one event.
/// </summary>
internal sealed class TraceReplayer(PaygenticEventConverter converter)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The trace files named by <paramref name="paths"/>: files as given, folders searched for <c>*.json</c> and <c>*.ndjson</c>.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths, ICollection<string> missing)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(path);
            }
        }

        return files;
    }

    /// <summary>Replays one file: each event goes to <paramref name="onEvent"/>, in file order.</summary>
    /// <param name="path">The trace file.</param>
    /// <param name="summary">Counts and errors are added here.</param>
    /// <param name="onEvent">Receives each event; returns false when the event could not be taken.</param>
    /// <param name="onBytesRead">Progress: bytes of the file read so far.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    public async Task ReplayFileAsync(string path, ReplaySummary summary, Func<PaygenticEvent, bool> onEvent, Action<long>? onBytesRead, CancellationToken cancellationToken)
    {
        summary.Files++;
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, useAsync: true);
        await foreach (var record in MonocleTraceFile.ReadAsync(file, path, cancellationToken).ConfigureAwait(false))
        {
            onBytesRead?.Invoke(file.Position);
            if (record.Error is { } error)
            {
                summary.Errors.Add(error);
                continue;
            }

            summary.Spans++;
            var conversion = converter.Convert(record.Span!);
            if (conversion.Event is not { } paygenticEvent)
            {
                if (conversion.SkipReason != PaygenticSkipReason.NotInference)
                {
                    Count(summary, conversion.SkipReason);
                }

                continue;
            }

            if (!_seen.Add(paygenticEvent.IdempotencyKey))
            {
                Count(summary, PaygenticSkipReason.Duplicate);
                continue;
            }

            if (onEvent(paygenticEvent))
            {
                summary.Events++;
            }
            else
            {
                summary.NotSpooled++;
            }
        }
    }

    private static void Count(ReplaySummary summary, PaygenticSkipReason reason) =>
        summary.Skipped[reason] = summary.Skipped.GetValueOrDefault(reason) + 1;
}
