using System.CommandLine;
using Spectre.Console;

namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>
/// <c>monocle-paygentic metrics</c>: compares the billable-metric manifest the generator wrote into an assembly
/// (or a manifest JSON file) with a Paygentic account, and creates the missing metrics with <c>--create</c>,
/// so an event type with no metric is found before its first event is answered 422.
/// </summary>
internal static class MetricsCommand
{
    public const int ExitInputErrors = 1;
    public const int ExitApiErrors = 3;
    public const int ExitMissing = 4;

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var manifest = new Argument<string>("manifest")
        {
            Description = "The built assembly of a project that uses [BillableInference] (its MonocleBillableMetrics.Json is read without running it), " +
                "or a manifest JSON file: an array of metrics (MonocleBillableMetrics.Json) or the emulator's {\"metrics\":[…]}.",
        };
        var merchantId = new Option<string>("--merchant-id")
        {
            Description = "The merchant organization whose metrics are compared (org_…).",
            Required = true,
        };
        var productId = new Option<string?>("--product-id") { Description = "The product new metrics belong to (prod_…); needed with --create." };
        var create = new Option<bool>("--create") { Description = "Create the missing metrics (needs --product-id). Existing metrics are never changed." };
        var baseUrl = new Option<Uri?>("--base-url")
        {
            Description = "The Paygentic API (default: PAYGENTIC_EVENT_ENDPOINT without /v0/events, else https://api.sandbox.paygentic.io with PAYGENTIC_SANDBOX=true, " +
                "else https://api.paygentic.io). The key is read from PAYGENTIC_API_KEY only.",
        };

        var command = new Command(
            "metrics",
            $"Compare the billable metrics an assembly's events need with a Paygentic account, or create the missing ones. Exit code {ExitMissing}: some are missing.")
        {
            manifest, merchantId, productId, create, baseUrl,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new MetricsSettings(result.GetValue(manifest)!, result.GetValue(merchantId)!, result.GetValue(productId), result.GetValue(create), result.GetValue(baseUrl)),
            output,
            errors,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(MetricsSettings settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (settings.Create && string.IsNullOrWhiteSpace(settings.ProductId))
        {
            await errors.WriteLineAsync("error: --create needs --product-id prod_… (the product the new metrics belong to).").ConfigureAwait(false);
            return ExitInputErrors;
        }

        LoadedManifest manifest;
        Uri baseAddress;
        string addressFrom;
        try
        {
            manifest = ManifestReader.Read(settings.ManifestPath);
            (baseAddress, addressFrom) = PaygenticApiAddress.Resolve(settings.BaseUrl, Environment.GetEnvironmentVariable);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or ArgumentException)
        {
            await errors.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitInputErrors;
        }

        var apiKey = Environment.GetEnvironmentVariable("PAYGENTIC_API_KEY");
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            await errors.WriteLineAsync("error: PAYGENTIC_API_KEY is not set; set it to the account's API key (sk_test_… for the sandbox, sk_live_… for live).").ConfigureAwait(false);
            return ExitInputErrors;
        }

        await errors.WriteLineAsync($"manifest: {manifest.Metrics.Count} metric(s) from {manifest.Source}").ConfigureAwait(false);
        await errors.WriteLineAsync($"Paygentic: {baseAddress} (from {addressFrom}), merchant {settings.MerchantId}").ConfigureAwait(false);

        using var client = new PaygenticMetricsClient(baseAddress, apiKey.Trim());
        List<MetricMatch> matches;
        try
        {
            var account = await client.ListAsync(settings.MerchantId, settings.PageSize, cancellationToken).ConfigureAwait(false);
            matches = [.. MetricComparison.Compare(manifest.Metrics, account)];
        }
        catch (Exception ex) when (ex is PaygenticApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync("error: " + Describe(ex, baseAddress)).ConfigureAwait(false);
            return ExitApiErrors;
        }

        Exception? createError = null;
        if (settings.Create)
        {
            createError = await CreateMissingAsync(client, matches, settings, errors, cancellationToken).ConfigureAwait(false);
        }

        WriteTable(matches, output);
        return await SummarizeAsync(matches, settings, createError, baseAddress, errors).ConfigureAwait(false);
    }

    private static async Task<Exception?> CreateMissingAsync(PaygenticMetricsClient client, List<MetricMatch> matches, MetricsSettings settings, TextWriter errors, CancellationToken cancellationToken)
    {
        for (var i = 0; i < matches.Count; i++)
        {
            if (!matches[i].IsMissing)
            {
                continue;
            }

            // Metrics are compared by event type, so a second manifest entry of a type just created is served by that metric.
            var sameType = matches[i].Expected.EventType;
            if (matches.Take(i).FirstOrDefault(m => m.Created && m.Expected.EventType == sameType) is { } earlier)
            {
                matches[i] = matches[i] with { Found = earlier.Found, SameEventType = 1 };
                continue;
            }

            try
            {
                var created = await client.CreateAsync(matches[i].Expected, settings.MerchantId, settings.ProductId!, cancellationToken).ConfigureAwait(false);
                matches[i] = matches[i] with { Found = created, SameEventType = 1, Created = true };
                await errors.WriteLineAsync($"created {created.Id} '{created.Name}' for {matches[i].Expected.EventType} (product {settings.ProductId})").ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is PaygenticApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return ex;
            }
        }

        return null;
    }

    private static void WriteTable(IReadOnlyList<MetricMatch> matches, TextWriter output)
    {
        // A file or a pipe gets plain text, one row a line, never wrapped; a terminal gets colors.
        var plain = !ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (plain)
        {
            console.Profile.Width = 240;
        }

        var table = new Table()
            .AddColumn("Event type")
            .AddColumn("Status")
            .AddColumn("Paygentic metric")
            .AddColumn("valueProperty")
            .AddColumn("groupBy")
            .AddColumn("aggregation");
        foreach (var match in matches)
        {
            var expected = match.Expected;
            if (match.Found is not { } found)
            {
                table.AddRow(
                    Markup.Escape(expected.EventType),
                    "[red]MISSING[/]",
                    "-",
                    Markup.Escape($"needs {expected.ValueProperty ?? "(none)"}"),
                    Markup.Escape($"needs {GroupBy(expected.GroupBy)}"),
                    Markup.Escape($"needs {expected.Aggregation}"));
                continue;
            }

            var status = match.Created ? "[green]created[/]" : match.Matches ? "[green]present[/]" : "[yellow]present, differs[/]";
            var others = match.SameEventType > 1 ? $" (+{match.SameEventType - 1} more for this type)" : string.Empty;
            table.AddRow(
                Markup.Escape(expected.EventType),
                status,
                Markup.Escape($"{found.Id} '{found.Name}'{others}"),
                Compared(found.ValueProperty ?? "(none)", expected.ValueProperty ?? "(none)", match.ValuePropertyMatches),
                Compared(GroupBy(found.GroupBy), GroupBy(expected.GroupBy), match.GroupByMatches),
                Compared(found.Aggregation ?? "(none)", expected.Aggregation, match.AggregationMatches));
        }

        console.Write(table);
    }

    private static async Task<int> SummarizeAsync(List<MetricMatch> matches, MetricsSettings settings, Exception? createError, Uri baseAddress, TextWriter errors)
    {
        foreach (var match in matches.Where(m => !m.IsMissing && !m.Matches))
        {
            await errors.WriteLineAsync(
                $"warning: {match.Found!.Id} meters {match.Expected.EventType} differently from the manifest " +
                $"(valueProperty {match.Found.ValueProperty ?? "(none)"}, groupBy {GroupBy(match.Found.GroupBy)}, aggregation {match.Found.Aggregation ?? "(none)"}; " +
                $"the manifest has {match.Expected.ValueProperty ?? "(none)"}, {GroupBy(match.Expected.GroupBy)}, {match.Expected.Aggregation}); it is left as it is.").ConfigureAwait(false);
        }

        var missing = matches.Where(m => m.IsMissing).Select(m => m.Expected.EventType).Distinct(StringComparer.Ordinal).ToList();
        var created = matches.Count(m => m.Created);
        await errors.WriteLineAsync(
            $"{matches.Count} metric(s) in the manifest: {matches.Count(m => !m.IsMissing && !m.Created)} present, " +
            (settings.Create ? $"{created} created, " : string.Empty) +
            $"{missing.Count} missing{(missing.Count > 0 ? " (" + string.Join(", ", missing) + ")" : string.Empty)}.").ConfigureAwait(false);

        if (createError is not null)
        {
            await errors.WriteLineAsync("error: " + Describe(createError, baseAddress)).ConfigureAwait(false);
            return ExitApiErrors;
        }

        if (missing.Count > 0)
        {
            await errors.WriteLineAsync(
                "Events of a missing type are refused (422 invalid_event_type) until a metric meters them; create them with: " +
                $"--create --product-id {settings.ProductId ?? "prod_…"}").ConfigureAwait(false);
            return ExitMissing;
        }

        return 0;
    }

    private static string Compared(string actual, string expected, bool same) =>
        same ? Markup.Escape(actual) : $"[yellow]{Markup.Escape(actual)}[/] {Markup.Escape($"(manifest: {expected})")}";

    private static string GroupBy(IReadOnlyDictionary<string, string> groupBy) =>
        groupBy.Count == 0 ? "(none)" : string.Join(", ", groupBy.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Value}"));

    private static string Describe(Exception error, Uri baseAddress) => error switch
    {
        PaygenticApiException => error.Message,
        HttpRequestException => $"could not reach the Paygentic API at {baseAddress}: {error.Message} (check --base-url, PAYGENTIC_EVENT_ENDPOINT and the network).",
        _ => $"the Paygentic API at {baseAddress} did not answer within 30 seconds.",
    };
}
