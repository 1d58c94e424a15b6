using System.Globalization;
using System.Net;
using System.Text;
using Monocle.Paygentic.Emulator.Api;
using Monocle.Paygentic.Emulator.Hosting;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Emulator.Pages;

/// <summary>
/// The Meters page (<c>/</c> and <c>/meters</c>): for each metric its all-time total, per subject
/// and per group, then the most recent events. Server-rendered; every value from events or
/// metrics is HTML-encoded, since subjects and data come from whoever holds a key.
/// </summary>
internal static class MetersPage
{
    private const int RecentEvents = 50;

    public static async Task<IResult> RenderAsync(HttpContext http, EmulatorContext emulator)
    {
        var cancellationToken = http.RequestAborted;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Paygentic emulator — Meters</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}")
            .Append("td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}td.n{text-align:right}code{font-size:.9em}</style></head><body>")
            .Append("<h1>Meters</h1><p>Environment: <strong>").Append(E(emulator.Environment.ToString().ToLowerInvariant()))
            .Append("</strong> · merchant <code>").Append(E(emulator.MerchantId)).Append("</code> · stored events: ")
            .Append(await emulator.Store.CountEventsAsync(cancellationToken).ConfigureAwait(false)).Append("</p>");

        var metrics = await emulator.Store.GetAllMetricsAsync(cancellationToken).ConfigureAwait(false);
        if (metrics.Count == 0)
        {
            html.Append("<p>No billable metrics yet. Create one with <code>POST /v0/billableMetrics</code> or start with <code>--manifest</code>.</p>");
        }

        foreach (var metric in metrics)
        {
            var events = metric.EventType is null
                ? []
                : await emulator.Store.GetEventsAsync(metric.EventType, metric.EventFrom ?? DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, cancellationToken).ConfigureAwait(false);
            var dimensions = metric.GroupBy.Keys.ToList();
            var allTime = new MeterQuery(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, null, null, dimensions, new Dictionary<string, string>());
            var total = MeterCalculator.Compute(metric, events, allTime);

            html.Append("<h2>").Append(E(metric.Name)).Append("</h2><p><code>").Append(E(metric.Id)).Append("</code> · eventType <code>")
                .Append(E(metric.EventType ?? "(none)")).Append("</code> · ").Append(E(MeterAggregationNames.ToWire(metric.Aggregation)))
                .Append(metric.ValueProperty is null ? string.Empty : " of <code>" + E(metric.ValueProperty) + "</code>")
                .Append(" · total <strong>").Append(E(Number(total.TotalValue))).Append("</strong> ").Append(E(metric.Unit)).Append("</p>");

            html.Append("<table><tr><th>Subject</th>");
            foreach (var dimension in dimensions)
            {
                html.Append("<th>").Append(E(dimension)).Append("</th>");
            }

            html.Append("<th>Value</th></tr>");
            foreach (var bySubject in events.GroupBy(e => e.Subject).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var result = MeterCalculator.Compute(metric, bySubject.ToList(), allTime);
                var rows = dimensions.Count == 0 ? [new GroupedValue(new Dictionary<string, string>(), result.TotalValue)] : result.GroupedValues!;
                foreach (var row in rows)
                {
                    html.Append("<tr><td>").Append(E(bySubject.Key)).Append("</td>");
                    foreach (var dimension in dimensions)
                    {
                        html.Append("<td>").Append(E(row.GroupBy.GetValueOrDefault(dimension) ?? "—")).Append("</td>");
                    }

                    html.Append("<td class=\"n\">").Append(E(Number(row.Value))).Append("</td></tr>");
                }
            }

            html.Append("</table>");
        }

        html.Append("<h2>Recent events</h2><table><tr><th>Timestamp</th><th>Type</th><th>Subject</th><th>Idempotency key</th><th>Data</th></tr>");
        foreach (var stored in await emulator.Store.GetRecentEventsAsync(RecentEvents, cancellationToken).ConfigureAwait(false))
        {
            html.Append("<tr><td>").Append(E(Rfc3339.Format(stored.Timestamp))).Append("</td><td>").Append(E(stored.Type))
                .Append("</td><td>").Append(E(stored.Subject)).Append("</td><td><code>").Append(E(stored.IdempotencyKey))
                .Append("</code></td><td><code>").Append(E(stored.DataJson)).Append("</code></td></tr>");
        }

        html.Append("</table></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
