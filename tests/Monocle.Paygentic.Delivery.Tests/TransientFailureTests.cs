using Monocle.Paygentic.Delivery.Tests.Support;
using Monocle.Paygentic.Emulator.Faults;

namespace Monocle.Paygentic.Delivery.Tests;

/// <summary>429, 5xx, resets, hangs and lost answers: retried on the fake clock with the same idempotency key, stored once.</summary>
public sealed class TransientFailureTests
{
    [Fact]
    public async Task A_429_is_retried_no_sooner_than_Retry_After_and_then_delivered()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(ScriptedFault.TooManyRequests(TimeSpan.FromSeconds(30)));
        BillableCalls.Call("sub_429", 5, 5);

        await FakeClock.WaitUntilAsync(() => harness.Exporter.Statistics.Retried == 1, "the 429 was answered");
        await FakeClock.AdvanceAsync(harness.Time, TimeSpan.FromSeconds(29), DeliveryHarness.Second);
        await FakeClock.SettleAsync();
        Assert.Equal(1, harness.Emulator.Statistics.Requests);   // 29 s of the 30 s: not yet

        await FakeClock.AdvanceUntilAsync(harness.Time, () => harness.Exporter.Statistics.Pending == 0, DeliveryHarness.Second, "delivered after Retry-After");
        Assert.Equal(2, harness.Emulator.Statistics.Requests);
        Assert.Equal(1, await harness.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task Five_503s_in_a_row_then_success_store_the_event_once_under_the_same_key()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(ScriptedFault.Status(503), count: 5);
        var key = BillableCalls.Call("sub_503", 10, 20);

        await harness.UntilDeliveredAsync();

        var stored = Assert.Single(await EmulatorEvents.ListAsync(harness.Emulator, harness.MetricId));
        Assert.Equal(key, stored.GetProperty("idempotencyKey").GetString());
        Assert.Equal(6, harness.Emulator.Statistics.Requests);
        Assert.Equal(0, harness.Emulator.Statistics.Duplicates);
        Assert.Equal((5L, 1L), (harness.Exporter.Statistics.Retried, harness.Exporter.Statistics.Sent));
    }

    [Fact]
    public async Task A_connection_reset_is_retried()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(ScriptedFault.Drop());
        BillableCalls.Call("sub_drop", 1, 1);

        await harness.UntilDeliveredAsync();

        Assert.Equal(2, harness.Emulator.Statistics.Requests);
        Assert.Equal(1, await harness.Emulator.CountStoredEventsAsync());
        Assert.Equal(1, harness.Exporter.Statistics.Retried);
        Assert.Contains(harness.Warnings, w => w.Contains("network error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_that_hangs_past_the_deadline_is_abandoned_and_retried()
    {
        await using var harness = await DeliveryHarness.StartAsync(o => o.Timeout = TimeSpan.FromSeconds(5));
        harness.Emulator.Faults.Enqueue(ScriptedFault.Delay(TimeSpan.FromHours(1)));
        BillableCalls.Call("sub_hang", 2, 3);

        await FakeClock.WaitUntilAsync(() => harness.Emulator.Statistics.Requests == 1, "the request reached the emulator");
        await FakeClock.AdvanceAsync(harness.Time, TimeSpan.FromSeconds(4), DeliveryHarness.Second);
        await FakeClock.SettleAsync();
        Assert.Equal(0, harness.Exporter.Statistics.Retried);     // inside the 5 s deadline it still waits

        await harness.UntilDeliveredAsync();
        Assert.Equal(1, harness.Exporter.Statistics.Retried);
        Assert.Contains(harness.Warnings, w => w.Contains("no answer within 5 s", StringComparison.Ordinal));
        Assert.Equal(2, harness.Emulator.Statistics.Requests);
        Assert.Equal(1, await harness.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task An_answer_lost_after_the_event_was_stored_makes_the_retry_a_duplicate_counted_once()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(ScriptedFault.DropAfterStore());
        var key = BillableCalls.Call("sub_lost", 40, 2);

        await harness.UntilDeliveredAsync();

        var statistics = harness.Emulator.Statistics;
        Assert.Equal((2L, 1L, 1L), (statistics.Requests, statistics.Stored, statistics.Duplicates));
        var stored = Assert.Single(await EmulatorEvents.ListAsync(harness.Emulator, harness.MetricId));
        Assert.Equal(key, stored.GetProperty("idempotencyKey").GetString());
        Assert.Equal(42, stored.GetProperty("data").GetProperty("total_tokens").GetInt64());
    }
}
