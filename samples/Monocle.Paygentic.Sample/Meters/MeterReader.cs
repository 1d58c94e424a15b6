using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monocle.Paygentic.Sample.Meters;

/// <summary>
/// Reads meters over HTTP, as any Paygentic client would: <c>GET /v0/billableMetrics/{id}/meter</c> per
/// subject, grouped by model.
/// </summary>
internal sealed class MeterReader(HttpClient http, Uri baseUri, string apiKey)
{
    public async Task<IReadOnlyList<MeterRow>> ReadAsync(SampleMetrics metrics, IEnumerable<string> subjects, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = new List<MeterRow>();
        foreach (var subject in subjects)
        {
            var prompt = await ByModelAsync(metrics.PromptTokensId, subject, from, to, cancellationToken).ConfigureAwait(false);
            var completion = await ByModelAsync(metrics.CompletionTokensId, subject, from, to, cancellationToken).ConfigureAwait(false);
            var total = await ByModelAsync(metrics.TotalTokensId, subject, from, to, cancellationToken).ConfigureAwait(false);
            var events = await ByModelAsync(metrics.EventsId, subject, from, to, cancellationToken).ConfigureAwait(false);
            foreach (var model in events.Keys.Order(StringComparer.Ordinal))
            {
                rows.Add(new MeterRow(subject, model, prompt.GetValueOrDefault(model), completion.GetValueOrDefault(model), total.GetValueOrDefault(model), events[model]));
            }
        }

        return rows;
    }

    private async Task<Dictionary<string, decimal>> ByModelAsync(string metricId, string subject, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var query = $"v0/billableMetrics/{Uri.EscapeDataString(metricId)}/meter?from={Time(from)}&to={Time(to)}&subject={Uri.EscapeDataString(subject)}&groupBy=model";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, query));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var meter = await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"The meter of {metricId} is empty.");

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (meter.RootElement.TryGetProperty("groupedValues", out var groups))
        {
            foreach (var group in groups.EnumerateArray())
            {
                var model = group.GetProperty("groupBy").TryGetProperty("model", out var m) ? m.GetString()! : "(no model)";
                values[model] = group.GetProperty("value").GetDecimal();
            }
        }

        return values;
    }

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
