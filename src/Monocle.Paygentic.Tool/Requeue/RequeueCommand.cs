using System.CommandLine;
using System.Text.Json;
using Monocle.Paygentic.Export;
using Monocle.Paygentic.Tool.Delivery;

namespace Monocle.Paygentic.Tool.Requeue;

/// <summary>
/// <c>monocle-paygentic requeue</c>: sends dead-lettered events again (after the cause is fixed: a
/// billable metric created for a rejected type, a field corrected) through the exporter's spool.
/// </summary>
internal static class RequeueCommand
{

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Dead-letter files or folders (the exporter's <spool>/<partition>/dead/).",
            Arity = ArgumentArity.OneOrMore,
        };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long to wait for delivery; what is not delivered by then stays in the spool for the next run.",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(2),
        };

        var command = new Command(
            "requeue",
            "Send dead-lettered events again, once their cause is fixed, to the endpoint that rejected them (the spool partition's). " +
            "The key is read from PAYGENTIC_API_KEY. Each file is removed once its event is back in the spool.")
        {
            paths, timeout,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(paths)!, result.GetValue(timeout), output, errors, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, TimeSpan timeout, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var inputErrors = 0;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.json").Select(Path.GetFullPath).Order(StringComparer.Ordinal));
            }
            else
            {
                inputErrors++;
                await errors.WriteLineAsync($"error: '{path}' is neither a file nor a folder.").ConfigureAwait(false);
            }
        }

        // Events go back to the endpoint that rejected them: the partition the dead letter sits in says which,
        // so a sandbox event is never requeued towards live.
        var exitCode = 0;
        foreach (var partition in files.GroupBy(f => Path.GetDirectoryName(Path.GetDirectoryName(f)!)!, StringComparer.Ordinal))
        {
            if (ReadPartition(partition.Key) is not { } target)
            {
                inputErrors += partition.Count();
                await errors.WriteLineAsync(
                    $"error: {partition.Key} is not a partition of the Paygentic spool (no partition.json naming its endpoint); " +
                    "pass dead-letter files from <spool>/<partition>/dead/.").ConfigureAwait(false);
                continue;
            }

            var (code, partitionErrors) = await RequeuePartitionAsync(partition.ToList(), target, timeout, output, errors, cancellationToken).ConfigureAwait(false);
            inputErrors += partitionErrors;
            exitCode = Math.Max(exitCode, code);
        }

        return exitCode != 0 ? exitCode : inputErrors > 0 ? ExitCodes.InputErrors : 0;
    }

    private static async Task<(int ExitCode, int InputErrors)> RequeuePartitionAsync(
        List<string> files, (Uri Endpoint, string? Namespace, string SpoolRoot) target, TimeSpan timeout, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        using var exporter = new PaygenticExporter(new PaygenticExporterOptions
        {
            Endpoint = target.Endpoint,
            Namespace = target.Namespace,
            SpoolDirectory = target.SpoolRoot,
        });
        var requeued = 0;
        var inputErrors = 0;
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

        if (await DeliveryWait.WaitAsync(exporter, timeout, cancellationToken).ConfigureAwait(false) is { } undelivered)
        {
            await errors.WriteLineAsync(undelivered).ConfigureAwait(false);
            return (ExitCodes.Undelivered, inputErrors);
        }

        var statistics = exporter.Statistics;
        await errors.WriteLineAsync(
            $"{requeued} event(s) requeued to {target.Endpoint}; Paygentic accepted {statistics.Sent}, {statistics.DeadLettered} dead-lettered again (in {exporter.SpoolDirectory}/dead).").ConfigureAwait(false);
        return (statistics.DeadLettered > 0 ? ExitCodes.DeadLettered : 0, inputErrors);
    }

    private static (Uri Endpoint, string? Namespace, string SpoolRoot)? ReadPartition(string partitionDirectory)
    {
        var info = Path.Combine(partitionDirectory, "partition.json");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(info));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("endpoint", out var endpoint) && Uri.TryCreate(endpoint.GetString(), UriKind.Absolute, out var uri))
            {
                var ns = root.TryGetProperty("namespace", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                return (uri, ns, Path.GetDirectoryName(partitionDirectory)!);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
        }

        return null;
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
