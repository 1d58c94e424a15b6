using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Monocle.Paygentic.Emulator;

namespace Monocle.Paygentic.Delivery.Tests.Support;

/// <summary>Reads back, through the emulator's own API, the events it stored for a metric.</summary>
internal static class EmulatorEvents
{
    public static async Task<IReadOnlyList<JsonElement>> ListAsync(PaygenticEmulator emulator, string metricId)
    {
        using var http = new HttpClient();
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, $"v0/billableMetrics/{metricId}/events?from={from}&to={to}&limit=200"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var document = JsonDocument.Parse(text);
        return [.. document.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone())];
    }
}
