using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monocle.Paygentic.Emulator;

namespace Monocle.Paygentic.Emulator.Tests;

/// <summary>A started emulator plus an HttpClient on it, with the few calls every test makes.</summary>
internal sealed class EmulatorClient : IAsyncDisposable
{
    public const string EventType = "ai.inference.openai";

    private EmulatorClient(PaygenticEmulator emulator)
    {
        Emulator = emulator;
        Http = new HttpClient { BaseAddress = emulator.BaseUri };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
    }

    public PaygenticEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorClient> StartAsync(PaygenticEmulatorOptions? options = null) =>
        new(await PaygenticEmulator.StartAsync(options ?? new PaygenticEmulatorOptions()));

    public static JsonObject Event(string key, string subject, object data, string type = EventType, string? timestamp = null)
    {
        var body = new JsonObject
        {
            ["type"] = type,
            ["source"] = "tests",
            ["subject"] = subject,
            ["idempotencyKey"] = key,
            ["data"] = JsonSerializer.SerializeToNode(data),
        };
        if (timestamp is not null)
        {
            body["timestamp"] = timestamp;
        }

        return body;
    }

    public Task<HttpResponseMessage> PostEventAsync(JsonObject body) =>
        Http.PostAsync("v0/events", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> PostRawAsync(string path, string json, string? apiKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (apiKey is not null)
        {
            request.Headers.Authorization = apiKey.Length == 0 ? null : new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return apiKey?.Length == 0 ? SendWithoutAuthAsync(request) : Http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> SendWithoutAuthAsync(HttpRequestMessage request)
    {
        using var bare = new HttpClient { BaseAddress = Emulator.BaseUri };
        return await bare.SendAsync(request);
    }

    public async Task<string> CreateMetricAsync(string aggregation, string? valueProperty, string eventType = EventType, JsonObject? groupBy = null, string? eventFrom = null)
    {
        var body = new JsonObject
        {
            ["name"] = $"{aggregation} metric",
            ["description"] = "test metric",
            ["unit"] = "tokens",
            ["merchantId"] = Emulator.MerchantId,
            ["productId"] = Emulator.ProductId,
            ["aggregation"] = aggregation,
            ["eventType"] = eventType,
            ["groupBy"] = groupBy ?? new JsonObject { ["model"] = "$.model_name" },
        };
        if (valueProperty is not null)
        {
            body["valueProperty"] = valueProperty;
        }

        if (eventFrom is not null)
        {
            body["eventFrom"] = eventFrom;
        }

        using var response = await PostRawAsync("v0/billableMetrics", body.ToJsonString());
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await ReadJsonAsync(response))["id"]!.GetValue<string>();
    }

    public async Task<JsonObject> MeterAsync(string metricId, string query = "")
    {
        using var response = await Http.GetAsync($"v0/billableMetrics/{metricId}/meter?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z{query}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
