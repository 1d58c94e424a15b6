using System.CommandLine;
using System.Text.Json;
using Monocle.Paygentic.Export;
using Monocle.Paygentic.Tool.Delivery;
using Spectre.Console;

namespace Monocle.Paygentic.Tool.Replay;

/// <summary><c>monocle-paygentic replay</c>: ships the usage events of Monocle trace files to Paygentic.</summary>
internal static class ReplayCommand
{
    /// <summary>Inputs at least this large get a progress bar.</summary>
    private const long ProgressThreshold = 1 << 20;


    public static Command Create(TextWriter output, TextWriter errors)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Trace files (JSON array or one span per line) or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the events (one JSON object a line) instead of sending them." };
        var endpoint = new Option<Uri?>("--endpoint") { Description = "The events URL (default: PAYGENTIC_EVENT_ENDPOINT, else the live or sandbox API). The key is read from PAYGENTIC_API_KEY only." };
        var source = new Option<string?>("--source") { Description = "The events' source (default: PAYGENTIC_SOURCE, else 'monocle')." };
        var @namespace = new Option<string?>("--namespace") { Description = "The events' namespace (default: PAYGENTIC_NAMESPACE)." };
        var spool = new Option<string?>("--spool-directory") { Description = "The spool folder (default: PAYGENTIC_SPOOL_DIRECTORY, else the user's local data folder)." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long to wait for delivery; what is not delivered by then stays in the spool for the next run.",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(2),
        };

        var command = new Command("replay", "Ship the usage events of Monocle trace files (Python's or .NET's) to Paygentic. A span seen twice is billed once.")
        {
            paths, dryRun, endpoint, source, @namespace, spool, timeout,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var settings = new ReplaySettings(
                result.GetValue(paths)!,
                result.GetValue(dryRun),
                result.GetValue(endpoint),
                result.GetValue(source),
                result.GetValue(@namespace),
                result.GetValue(spool),
                result.GetValue(timeout));
            return RunAsync(settings, output, errors, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(ReplaySettings settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var files = TraceReplayer.ExpandPaths(settings.Paths, missing);
        foreach (var path in missing)
        {
            await errors.WriteLineAsync($"error: '{path}' is neither a file nor a folder.").ConfigureAwait(false);
        }

        var summary = new ReplaySummary();
        int exitCode;
        if (settings.DryRun)
        {
            var converter = new PaygenticEventConverter(new PaygenticEventConverterOptions
            {
                Source = settings.Source ?? Environment.GetEnvironmentVariable("PAYGENTIC_SOURCE"),
                Namespace = settings.Namespace ?? Environment.GetEnvironmentVariable("PAYGENTIC_NAMESPACE"),
            });
            var replayer = new TraceReplayer(converter);
            foreach (var file in files)
            {
                await replayer.ReplayFileAsync(file, summary, e =>
                {
                    output.WriteLine(e.ToJson());
                    return true;
                }, onBytesRead: null, cancellationToken).ConfigureAwait(false);
            }

            exitCode = 0;
        }
        else
        {
            try
            {
                (exitCode, var delivery) = await SendAsync(settings, files, summary, cancellationToken).ConfigureAwait(false);
                await WriteSummaryAsync(summary, settings.DryRun, errors).ConfigureAwait(false);
                await errors.WriteLineAsync(delivery).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await WriteSummaryAsync(summary, settings.DryRun, errors).ConfigureAwait(false);
                await errors.WriteLineAsync(
                    "interrupted: the events spooled so far stay in the spool and are sent by the next run; run the same replay again " +
                    "to finish (nothing is billed twice).").ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }

            return exitCode != 0 ? exitCode : summary.Errors.Count > 0 || missing.Count > 0 ? ExitCodes.InputErrors : 0;
        }

        await WriteSummaryAsync(summary, settings.DryRun, errors).ConfigureAwait(false);
        return summary.Errors.Count > 0 || missing.Count > 0 ? ExitCodes.InputErrors : 0;
    }

    /// <summary>Spools the files' events and waits for delivery; returns the exit code and a line saying how delivery went.</summary>
    private static async Task<(int ExitCode, string Delivery)> SendAsync(ReplaySettings settings, IReadOnlyList<string> files, ReplaySummary summary, CancellationToken cancellationToken)
    {
        using var exporter = new PaygenticExporter(new PaygenticExporterOptions
        {
            Endpoint = settings.Endpoint,
            Source = settings.Source,
            Namespace = settings.Namespace,
            SpoolDirectory = settings.SpoolDirectory,
        });
        var replayer = new TraceReplayer(exporter.Converter);
        var totalBytes = files.Sum(f => new FileInfo(f).Length);

        if (totalBytes >= ProgressThreshold)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Replaying trace files", maxValue: totalBytes);
                long done = 0;
                foreach (var file in files)
                {
                    await replayer.ReplayFileAsync(file, summary, exporter.Enqueue, read => task.Value = done + read, cancellationToken).ConfigureAwait(false);
                    done += new FileInfo(file).Length;
                    task.Value = done;
                }
            }).ConfigureAwait(false);
        }
        else
        {
            foreach (var file in files)
            {
                await replayer.ReplayFileAsync(file, summary, exporter.Enqueue, onBytesRead: null, cancellationToken).ConfigureAwait(false);
            }
        }

        if (await DeliveryWait.WaitAsync(exporter, settings.Timeout, cancellationToken).ConfigureAwait(false) is { } undelivered)
        {
            return (ExitCodes.Undelivered, undelivered);
        }

        var delivered = exporter.Statistics;
        return (delivered.DeadLettered > 0 ? ExitCodes.DeadLettered : 0, $"Paygentic ({exporter.Endpoint}) accepted {delivered.Sent} event(s), events it already had included; " +
            $"{delivered.DeadLettered} dead-lettered (in {exporter.SpoolDirectory}/dead; 'monocle-paygentic requeue' sends them again).");
    }

    private static async Task WriteSummaryAsync(ReplaySummary summary, bool dryRun, TextWriter errors)
    {
        foreach (var error in summary.Errors)
        {
            await errors.WriteLineAsync($"error: {error}").ConfigureAwait(false);
        }

        var skipped = string.Join(", ", summary.Skipped.OrderBy(p => p.Key).Select(p => $"{p.Value} {Describe(p.Key)}"));
        await errors.WriteLineAsync(
            $"{summary.Files} file(s), {summary.Spans} span(s), {summary.Events} event(s) {(dryRun ? "printed" : "spooled")}" +
            (skipped.Length > 0 ? $"; skipped: {skipped}" : "") +
            (summary.NotSpooled > 0 ? $"; {summary.NotSpooled} not spooled (spool full)" : "") +
            (summary.Errors.Count > 0 ? $"; {summary.Errors.Count} error(s) in the input" : "")).ConfigureAwait(false);
    }

    private static string Describe(PaygenticSkipReason reason) => reason switch
    {
        PaygenticSkipReason.NoSubject => "with no subject (no subscriptionId/customerId scope)",
        PaygenticSkipReason.NoUsage => "inference span(s) with no usage",
        PaygenticSkipReason.NoEventType => "with no entity.1.type",
        PaygenticSkipReason.Duplicate => "duplicate(s)",
        _ => reason.ToString(),
    };
}

internal sealed record ReplaySettings(
    IReadOnlyList<string> Paths,
    bool DryRun,
    Uri? Endpoint,
    string? Source,
    string? Namespace,
    string? SpoolDirectory,
    TimeSpan Timeout);
