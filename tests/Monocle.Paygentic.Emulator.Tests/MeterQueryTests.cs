using System.Net;
using System.Text.Json.Nodes;

namespace Monocle.Paygentic.Emulator.Tests;

/// <summary>Every aggregation over one hand-made set of events; expected values worked out below.</summary>
public sealed class MeterQueryTests
{
    // sub_a 10:05 gpt-4o 100 · sub_a 10:40 gpt-4o "50" (string number) · sub_b 11:10 mini 30
    // sub_b 11:20 mini (no tokens) · sub_a 12:00 gpt-4o 20 · outside the range: 2024 event 1000.
    private static async Task SeedAsync(EmulatorClient client)
    {
        (string Key, string Subject, string Time, object Data)[] events =
        [
            ("e1", "sub_a", "2025-06-15T10:05:00Z", new { total_tokens = 100, model_name = "gpt-4o" }),
            ("e2", "sub_a", "2025-06-15T10:40:00Z", new { total_tokens = "50", model_name = "gpt-4o" }),
            ("e3", "sub_b", "2025-06-15T11:10:00Z", new { total_tokens = 30, model_name = "mini" }),
            ("e4", "sub_b", "2025-06-15T11:20:00Z", new { model_name = "mini" }),
            ("e5", "sub_a", "2025-06-15T12:00:00Z", new { total_tokens = 20, model_name = "gpt-4o" }),
            ("e0", "sub_a", "2024-12-31T23:59:59Z", new { total_tokens = 1000, model_name = "gpt-4o" }),
        ];
        foreach (var (key, subject, time, data) in events)
        {
            using var response = await client.PostEventAsync(EmulatorClient.Event(key, subject, data, timestamp: time));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("SUM", "$.total_tokens", 200)] // 100 + 50 + 30 + 20
    [InlineData("COUNT", null, 5)] // five events in range, with or without tokens
    [InlineData("AVG", "$.total_tokens", 50)] // 200 / 4 values (the one without tokens does not count)
    [InlineData("MIN", "$.total_tokens", 20)]
    [InlineData("MAX", "$.total_tokens", 100)]
    [InlineData("UNIQUE_COUNT", "$.model_name", 2)] // gpt-4o, mini
    [InlineData("LATEST", "$.total_tokens", 20)] // e5 at 12:00
    public async Task Aggregation_over_the_range(string aggregation, string? valueProperty, double expected)
    {
        await using var client = await EmulatorClient.StartAsync();
        var metric = await client.CreateMetricAsync(aggregation, valueProperty);
        await SeedAsync(client);

        var meter = await client.MeterAsync(metric);

        Assert.Equal("meter", meter["object"]!.GetValue<string>());
        Assert.Equal(metric, meter["billableMetricId"]!.GetValue<string>());
        Assert.Equal((decimal)expected, meter["totalValue"]!.GetValue<decimal>());
        Assert.Null(meter["windowedValues"]);
        Assert.Null(meter["groupedValues"]);
    }

    [Fact]
    public async Task Latest_is_by_event_time_not_arrival()
    {
        await using var client = await EmulatorClient.StartAsync();
        var metric = await client.CreateMetricAsync("LATEST", "$.total_tokens");
        using var late = await client.PostEventAsync(EmulatorClient.Event("late", "s", new { total_tokens = 9 }, timestamp: "2025-03-01T00:00:00Z"));
        using var early = await client.PostEventAsync(EmulatorClient.Event("early", "s", new { total_tokens = 4 }, timestamp: "2025-02-01T00:00:00Z"));

        Assert.Equal(9m, (await client.MeterAsync(metric))["totalValue"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Subject_filter_and_nested_value_path()
    {
        await using var client = await EmulatorClient.StartAsync();
        var metric = await client.CreateMetricAsync("SUM", "$.usage.total");
        foreach (var (key, subject, total) in new[] { ("a", "sub_a", 3), ("b", "sub_b", 4), ("c", "sub_a", 5) })
        {
            using var r = await client.PostEventAsync(EmulatorClient.Event(key, subject, new { usage = new { total } }, timestamp: "2025-05-01T00:00:00Z"));
        }

        Assert.Equal(8m, (await client.MeterAsync(metric, "&subject=sub_a"))["totalValue"]!.GetValue<decimal>());
        Assert.Equal(4m, (await client.MeterAsync(metric, "&subject=sub_b"))["totalValue"]!.GetValue<decimal>());
        Assert.Equal(0m, (await client.MeterAsync(metric, "&subject=nobody"))["totalValue"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Hour_windows_group_by_and_filter()
    {
        await using var client = await EmulatorClient.StartAsync();
        var metric = await client.CreateMetricAsync("SUM", "$.total_tokens");
        await SeedAsync(client);

        var meter = await client.MeterAsync(metric, "&windowSize=HOUR&groupBy=model");

        // 10:00–11:00: 100 + 50; 11:00–12:00: 30 (+ no value); 12:00–13:00: 20.
        var windows = meter["windowedValues"]!.AsArray().Select(w => (w!["windowStart"]!.GetValue<string>(), w["windowEnd"]!.GetValue<string>(), w["value"]!.GetValue<decimal>())).ToList();
        Assert.Equal(
            [("2025-06-15T10:00:00Z", "2025-06-15T11:00:00Z", 150m), ("2025-06-15T11:00:00Z", "2025-06-15T12:00:00Z", 30m), ("2025-06-15T12:00:00Z", "2025-06-15T13:00:00Z", 20m)],
            windows);
        var groups = meter["groupedValues"]!.AsArray().ToDictionary(g => g!["groupBy"]!["model"]!.GetValue<string>(), g => g!["value"]!.GetValue<decimal>());
        Assert.Equal(new Dictionary<string, decimal> { ["gpt-4o"] = 170m, ["mini"] = 30m }, groups);

        var filtered = await client.MeterAsync(metric, "&filterGroupBy=" + Uri.EscapeDataString("""{"model":"mini"}"""));
        Assert.Equal(30m, filtered["totalValue"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Day_windows_and_time_range_bounds()
    {
        await using var client = await EmulatorClient.StartAsync();
        var metric = await client.CreateMetricAsync("COUNT", null);
        await SeedAsync(client);

        // [10:40, 12:00): e2, e3, e4; e5 at exactly 'to' is outside.
        using var response = await client.Http.GetAsync($"v0/billableMetrics/{metric}/meter?from=2025-06-15T10:40:00Z&to=2025-06-15T12:00:00Z&windowSize=DAY");
        var meter = await EmulatorClient.ReadJsonAsync(response);

        Assert.Equal(3m, meter["totalValue"]!.GetValue<decimal>());
        var window = Assert.Single(meter["windowedValues"]!.AsArray())!;
        Assert.Equal("2025-06-15T00:00:00Z", window["windowStart"]!.GetValue<string>());
        Assert.Equal(3m, window["value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Event_from_excludes_earlier_events()
    {
        await using var client = await EmulatorClient.StartAsync();
        var metric = await client.CreateMetricAsync("SUM", "$.total_tokens", eventFrom: "2025-06-15T11:00:00Z");
        await SeedAsync(client);

        Assert.Equal(50m, (await client.MeterAsync(metric))["totalValue"]!.GetValue<decimal>()); // 30 + 20
    }

    [Theory]
    [InlineData("", "from")]
    [InlineData("?from=2025-01-01T00:00:00Z", "to")]
    [InlineData("?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", "to")]
    [InlineData("?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z&windowSize=WEEK", "windowSize")]
    [InlineData("?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z&groupBy=region", "groupBy")]
    [InlineData("?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z&filterGroupBy=nope", "filterGroupBy")]
    public async Task Bad_meter_query_answers_400(string query, string field)
    {
        await using var client = await EmulatorClient.StartAsync();
        var metric = await client.CreateMetricAsync("SUM", "$.total_tokens");
        using var response = await client.Http.GetAsync($"v0/billableMetrics/{metric}/meter{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await EmulatorClient.ReadJsonAsync(response);
        Assert.Contains(body["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field);
    }

    [Fact]
    public async Task Meter_of_unknown_metric_answers_404()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var response = await client.Http.GetAsync("v0/billableMetrics/bm_missing/meter?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await EmulatorClient.ReadJsonAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Metric_events_lists_newest_first()
    {
        await using var client = await EmulatorClient.StartAsync();
        var metric = await client.CreateMetricAsync("SUM", "$.total_tokens");
        await SeedAsync(client);

        using var response = await client.Http.GetAsync($"v0/billableMetrics/{metric}/events?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&subject=sub_a&limit=2");
        var body = await EmulatorClient.ReadJsonAsync(response);

        Assert.Equal(["e5", "e2"], body["events"]!.AsArray().Select(e => e!["idempotencyKey"]!.GetValue<string>()));
        Assert.Equal(3, body["pagination"]!["total"]!.GetValue<long>());
        Assert.Equal(20, body["events"]![0]!["data"]!["total_tokens"]!.GetValue<int>());
    }
}
