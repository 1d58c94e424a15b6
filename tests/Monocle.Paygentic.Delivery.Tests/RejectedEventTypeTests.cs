using System.Text.Json;
using Monocle.Paygentic.Delivery.Tests.Support;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Delivery.Tests;

public sealed class RejectedEventTypeTests
{
    private const string AnthropicType = "ai.inference.anthropic";

    [Fact]
    public async Task A_type_with_no_metric_is_suppressed_for_the_hour_dead_lettered_warned_once_and_sent_again_after()
    {
        await using var harness = await DeliveryHarness.StartAsync();

        BillableCalls.Call("sub_422", 1, 1, provider: "anthropic", model: "claude");
        await FakeClock.WaitUntilAsync(() => harness.Exporter.Statistics.DeadLettered == 1, "the 422 was answered");
        Assert.Equal(1, harness.Emulator.Statistics.Requests);

        // Within the hour: not sent, dead-lettered with the reason.
        await FakeClock.AdvanceAsync(harness.Time, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(1));
        BillableCalls.Call("sub_422", 2, 2, provider: "anthropic", model: "claude");
        await FakeClock.WaitUntilAsync(() => harness.Exporter.Statistics.DeadLettered == 2, "the second event was dead-lettered");
        await FakeClock.SettleAsync();
        Assert.Equal(1, harness.Emulator.Statistics.Requests);
        Assert.Equal(0, harness.PendingFiles);
        var letters = Directory.GetFiles(harness.DeadFolder, "*.json").Select(f => JsonDocument.Parse(File.ReadAllBytes(f)).RootElement).ToList();
        Assert.Equal(2, letters.Count);
        Assert.All(letters, l =>
        {
            Assert.Contains("invalid_event_type", l.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Equal(AnthropicType, l.GetProperty("event").GetProperty("type").GetString());
        });

        // The metric is created; past the hour the type is sent again.
        await harness.Emulator.CreateMetricsAsync([MetricDefinition.TotalTokens(AnthropicType)]);
        await FakeClock.AdvanceAsync(harness.Time, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));
        BillableCalls.Call("sub_422", 3, 3, provider: "anthropic", model: "claude");
        await harness.UntilDeliveredAsync();
        Assert.Equal(2, harness.Emulator.Statistics.Requests);
        Assert.Equal(1, await harness.Emulator.CountStoredEventsAsync());
        Assert.Equal(1, harness.Exporter.Statistics.Sent);

        Assert.Single(harness.Warnings, w => w.Contains($"rejected event type '{AnthropicType}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Other_types_keep_flowing_while_one_is_suppressed()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        BillableCalls.Call("sub_mixed", 1, 1, provider: "anthropic", model: "claude");
        await FakeClock.WaitUntilAsync(() => harness.Exporter.Statistics.DeadLettered == 1, "the 422 was answered");

        BillableCalls.Call("sub_mixed", 5, 5);
        await harness.UntilDeliveredAsync();
        Assert.Equal(1, await harness.Emulator.CountStoredEventsAsync());
        Assert.Equal(1, harness.Exporter.Statistics.Rejected);
    }
}
