using System.Globalization;
using Monocle.Paygentic.Sample.Meters;
using Spectre.Console;

namespace Monocle.Paygentic.Sample;

/// <summary>The run on one screen: where calls and events went, the meter table, what was dropped and why.</summary>
internal static class SampleReport
{
    public static void Write(IAnsiConsole console, SampleApp app, WorkloadResult result, IReadOnlyList<MeterRow>? meters)
    {
        var openAI = app.FakeOpenAI is { } fake
            ? $"fake server {app.OpenAIBaseUrl}, {fake.Issued.Count} completions issued"
            : $"{app.OpenAIBaseUrl} (OPENAI_BASE_URL)";
        var paygentic = app.Emulator is { } emulator
            ? $"emulator {emulator.BaseUri}, metrics from the manifest"
            : $"{app.Exporter.Endpoint} (PAYGENTIC_EVENT_ENDPOINT)";
        console.MarkupLine($"[bold]Monocle.Paygentic sample[/]: support desk, {Workload.InferenceCalls} LLM calls");
        console.MarkupLine($"  OpenAI     {Markup.Escape(openAI)}");
        console.MarkupLine($"  Paygentic  {Markup.Escape(paygentic)}");
        console.WriteLine();

        if (meters is null)
        {
            // An external endpoint may be a real Paygentic account: the sample neither knows its metrics nor creates any there.
            console.MarkupLine("[grey]  Meters     not read: see them where the events went (an emulator shows /meters)[/]");
        }
        else
        {
            console.Write(MeterTable(meters));
        }

        var s = result.Statistics;
        console.MarkupLine($"  Exporter   spooled {s.Spooled} · sent {s.Sent} · retried {s.Retried} · dead-lettered {s.DeadLettered} · pending {s.Pending}"
            + (result.Delivered ? "" : " [red](not all delivered in time)[/]"));
        var dropped = s.Dropped.Where(d => d.Value > 0).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        if (dropped.Count == 0)
        {
            console.MarkupLine("  Dropped    none");
        }

        foreach (var (reason, count) in dropped)
        {
            var why = reason == "no_subject" ? " (no billing subject in scope; build warning MPG0001)" : "";
            console.MarkupLine($"  Dropped    [yellow]{Markup.Escape(reason)}[/]: {count}{Markup.Escape(why)}");
        }

        if (app.FakeOpenAI is { } server && meters is not null)
        {
            var issued = server.Issued.Where(u => u.EndUser is not null).Sum(u => u.TotalTokens);
            var metered = meters.Sum(m => m.TotalTokens);
            var verdict = issued == metered ? "[green]equal[/]" : "[red]DIFFERENT[/]";
            console.MarkupLine($"  Check      issued {issued} tokens to billed subjects, metered {Number(metered)}: {verdict}");
        }
    }

    private static Table MeterTable(IReadOnlyList<MeterRow> meters)
    {
        var table = new Table()
            .Title("Meters: GET /v0/billableMetrics/{id}/meter?subject=…&groupBy=model")
            .AddColumn("Subject")
            .AddColumn("Model")
            .AddColumn(new TableColumn("Prompt").RightAligned())
            .AddColumn(new TableColumn("Completion").RightAligned())
            .AddColumn(new TableColumn("Total").RightAligned())
            .AddColumn(new TableColumn("Events").RightAligned());
        foreach (var row in meters)
        {
            table.AddRow(Markup.Escape(row.Subject), Markup.Escape(row.Model), Number(row.PromptTokens), Number(row.CompletionTokens), Number(row.TotalTokens), Number(row.Events));
        }

        table.AddRow("[bold]all[/]", "", Number(meters.Sum(m => m.PromptTokens)), Number(meters.Sum(m => m.CompletionTokens)),
            "[bold]" + Number(meters.Sum(m => m.TotalTokens)) + "[/]", Number(meters.Sum(m => m.Events)));
        return table;
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
