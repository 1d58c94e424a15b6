using System.Globalization;
using Monocle.Paygentic.Delivery.Tests.Support;

namespace Monocle.Paygentic.Delivery.Tests;

public sealed class SuccessfulDeliveryTests
{
    [Fact]
    public async Task Exported_spans_arrive_with_every_body_field_and_leave_the_spool_empty()
    {
        await using var harness = await DeliveryHarness.StartAsync(o => o.Source = "billing-tests");
        var before = DateTimeOffset.UtcNow;
        var first = BillableCalls.Call("sub_alpha", promptTokens: 12, completionTokens: 30);
        var second = BillableCalls.Call("sub_beta", promptTokens: 7, completionTokens: 1, model: "gpt-4o-mini");
        var after = DateTimeOffset.UtcNow;

        await harness.UntilDeliveredAsync();

        var stored = (await EmulatorEvents.ListAsync(harness.Emulator, harness.MetricId)).ToDictionary(e => e.GetProperty("idempotencyKey").GetString()!);
        Assert.Equal(2, stored.Count);
        foreach (var (key, subject, prompt, completion, model) in new[] { (first, "sub_alpha", 12L, 30L, "gpt-4o"), (second, "sub_beta", 7L, 1L, "gpt-4o-mini") })
        {
            var e = stored[key];
            Assert.Equal(DeliveryHarness.OpenAiType, e.GetProperty("type").GetString());
            Assert.Equal("billing-tests", e.GetProperty("source").GetString());
            Assert.Equal(subject, e.GetProperty("subject").GetString());
            var timestamp = DateTimeOffset.Parse(e.GetProperty("time").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(timestamp, before.AddSeconds(-1), after.AddSeconds(1));
            var data = e.GetProperty("data");
            Assert.Equal(prompt, data.GetProperty("prompt_tokens").GetInt64());
            Assert.Equal(completion, data.GetProperty("completion_tokens").GetInt64());
            Assert.Equal(prompt + completion, data.GetProperty("total_tokens").GetInt64());
            Assert.Equal(model, data.GetProperty("model_name").GetString());
            Assert.Equal(key, data.GetProperty("trace_id").GetString() + "_" + data.GetProperty("span_id").GetString());
            Assert.Equal("Assistant.Ask", data.GetProperty("name").GetString());
        }

        var statistics = harness.Exporter.Statistics;
        Assert.Equal((2L, 2L, 0L, 0L, 0L, 0), (statistics.Spooled, statistics.Sent, statistics.Retried, statistics.DeadLettered, statistics.Rejected, statistics.Pending));
        Assert.Equal(0, harness.PendingFiles);
        Assert.Equal(2, harness.Emulator.Statistics.Requests);
        Assert.Equal(2, harness.Emulator.Statistics.Stored);
    }

    [Fact]
    public async Task The_spooled_body_is_the_posted_body_with_an_RFC3339_UTC_timestamp()
    {
        // Stop delivery (no key) to read the spool file itself: it is the exact wire body.
        await using var harness = await DeliveryHarness.StartAsync(o => { o.ApiKey = null; o.Namespace = "org_emulator"; });
        var key = BillableCalls.Call("sub_spool", promptTokens: 3, completionTokens: 4);

        var file = Assert.Single(Directory.GetFiles(harness.PendingFolder, "*.json"));
        using var body = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
        var root = body.RootElement;
        Assert.Equal(
            ["type", "source", "subject", "namespace", "idempotencyKey", "timestamp", "data"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(key, root.GetProperty("idempotencyKey").GetString());
        Assert.Equal("monocle", root.GetProperty("source").GetString());
        Assert.Equal("org_emulator", root.GetProperty("namespace").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", root.GetProperty("timestamp").GetString());
        Assert.Equal(7, root.GetProperty("data").GetProperty("total_tokens").GetInt64());
    }
}
