using System.CommandLine;
using System.Text.Json;
using Monocle.Paygentic.Export;

namespace Monocle.Paygentic.Tool.Requeue;

/// <summary>
/// <c>monocle-paygentic requeue</c>: sends dead-lettered events again (after the cause is fixed: a
/// billable metric created for a rejected type, a field corrected) through the exporter's spool.
/// </summary>
internal static class RequeueCommand
{
    public const int ExitInputErrors = 1;
    public const int ExitUndelivered = 3;

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Dead-letter files or folders (the exporter's <spool>/<partition>/dead/).",
            Arity = ArgumentArity.OneOrMore,
        };
        var endpoint = new Option<Uri?>("--endpoint") { Description = "The events URL (default: PAYGENTIC_EVENT_ENDPOINT, else the live or sandbox API). The key is read from PAYGENTIC_API_KEY only." };
        var spool = new Option<string?>("--spool-directory") { Description = "The spool folder (default: PAYGENTIC_SPOOL_DIRECTORY, else the user's local data folder)." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long to wait for delivery; what is not delivered by then stays in the spool for the next run.",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(2),
        };

        var command = new Command("requeue", "Send dead-lettered events again, once their cause is fixed. Each file is removed once its event is back in the spool.")
        {
            paths, endpoint, spool, timeout,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(paths)!, result.GetValue(endpoint), result.GetValue(spool), result.GetValue(timeout), output, errors, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(
        IReadOnlyList<string> paths, Uri? endpoint, string? spoolDirectory, TimeSpan timeout, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var inputErrors = 0;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal));
            }
            else
            {
                inputErrors++;
                await errors.WriteLineAsync($"error: '{path}' is neither a file nor a folder.").ConfigureAwait(false);
            }
        }

        using var exporter = new PaygenticExporter(new PaygenticExporterOptions { Endpoint = endpoint, SpoolDirectory = spoolDirectory });
        var requeued = 0;
        foreach (var file in files)
        {
            if (Read(file) is not { } read)
            {
                inputErrors++;
                await errors.WriteLineAsync($"error: {file}: not a dead letter of the Paygentic exporter (no 'event' object that is a Paygentic event).").ConfigureAwait(false);
                continue;
            }

            if (!exporter.Enqueue(read.Event))
            {
                await errors.WriteLineAsync($"error: {file}: the spool is full; the dead letter is kept.").ConfigureAwait(false);
                continue;
            }

            File.Delete(file);
            requeued++;
            await output.WriteLineAsync($"requeued {read.Event.Type} {read.Event.IdempotencyKey} (was: {read.Reason})").ConfigureAwait(false);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await exporter.WaitForDeliveryAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync(
                $"{exporter.Statistics.Pending} event(s) were not delivered within {timeout}; they stay in {exporter.SpoolDirectory} and are sent by the next run.").ConfigureAwait(false);
            return ExitUndelivered;
        }

        var statistics = exporter.Statistics;
        await errors.WriteLineAsync(
            $"{requeued} event(s) requeued; Paygentic accepted {statistics.Sent}, {statistics.DeadLettered} dead-lettered again (see {exporter.SpoolDirectory}).").ConfigureAwait(false);
        return inputErrors > 0 ? ExitInputErrors : 0;
    }

    private static (PaygenticEvent Event, string Reason)? Read(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("event", out var body)
                || body.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var reason = document.RootElement.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "unknown";
            return (PaygenticEvent.FromJson(body.GetRawText()), reason);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
