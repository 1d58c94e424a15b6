using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monocle.Paygentic.Sample.Tests.Support;

/// <summary>
/// The test's own reading of an emulator's meters, over its HTTP API (independent of the sample's reader):
/// finds a metric by what it aggregates, and reads its meter per subject grouped by model.
/// </summary>
internal sealed class MeterQueries(Uri baseUri, string apiKey, string merchantId) : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly DateTimeOffset _from = DateTimeOffset.UtcNow.AddHours(-1);
    private readonly DateTimeOffset _to = DateTimeOffset.UtcNow.AddHours(1);

    public void Dispose() => _http.Dispose();

    /// <summary>The id of the metric with this aggregation and value property (<see langword="null"/>: none).</summary>
    public async Task<string> MetricIdAsync(string aggregation, string? valueProperty)
    {
        using var list = await GetAsync($"v0/billableMetrics?merchantId={merchantId}&limit=100");
        var match = list.RootElement.GetProperty("data").EnumerateArray().Single(m =>
            m.GetProperty("aggregation").GetString() == aggregation
            && (m.TryGetProperty("valueProperty", out var v) ? v.GetString() : null) == valueProperty);
        return match.GetProperty("id").GetString()!;
    }

    /// <summary>The metric's value per model for one subject, or over every subject when <paramref name="subject"/> is null.</summary>
    public async Task<Dictionary<string, decimal>> ByModelAsync(string metricId, string? subject)
    {
        var subjectQuery = subject is null ? "" : "&subject=" + Uri.EscapeDataString(subject);
        using var meter = await GetAsync($"v0/billableMetrics/{metricId}/meter?from={Time(_from)}&to={Time(_to)}&groupBy=model{subjectQuery}");
        return meter.RootElement.GetProperty("groupedValues").EnumerateArray().ToDictionary(
            g => g.GetProperty("groupBy").GetProperty("model").GetString()!,
            g => g.GetProperty("value").GetDecimal());
    }

    private async Task<JsonDocument> GetAsync(string pathAndQuery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await _http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET {pathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
