using System.Text.Json;
using Monocle.Paygentic.Delivery.Tests.Support;
using Monocle.Paygentic.Emulator.Faults;
using Monocle.Paygentic.Export;

namespace Monocle.Paygentic.Delivery.Tests;

public sealed class DeadLetterTests
{
    [Fact]
    public async Task A_400_is_dead_lettered_with_the_response_and_the_envelope_replays_to_a_delivered_event()
    {
        await using var harness = await DeliveryHarness.StartAsync();
        harness.Emulator.Faults.Enqueue(ScriptedFault.Status(400));
        var key = BillableCalls.Call("sub_400", 8, 9);

        await FakeClock.WaitUntilAsync(() => harness.Exporter.Statistics.DeadLettered == 1, "the 400 dead-lettered the event");
        Assert.Equal((0, 0L, 1), (harness.PendingFiles, harness.Exporter.Statistics.Retried, harness.Emulator.Statistics.Requests));

        var letter = JsonDocument.Parse(File.ReadAllBytes(Assert.Single(Directory.GetFiles(harness.DeadFolder, "*.json")))).RootElement;
        Assert.Equal(400, letter.GetProperty("statusCode").GetInt32());
        Assert.Contains("EMULATED_FAULT", letter.GetProperty("response").GetString(), StringComparison.Ordinal);
        Assert.Contains("400", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // Replay: the envelope's event is the body as posted; enqueue it on the same road.
        var replayed = letter.GetProperty("event").Deserialize(PaygenticJsonContext.Default.PaygenticEvent)!;
        Assert.Equal(key, replayed.IdempotencyKey);
        Assert.True(harness.Exporter.Enqueue(replayed));
        await harness.UntilDeliveredAsync();
        var stored = Assert.Single(await EmulatorEvents.ListAsync(harness.Emulator, harness.MetricId));
        Assert.Equal(key, stored.GetProperty("idempotencyKey").GetString());
        Assert.Equal(17, stored.GetProperty("data").GetProperty("total_tokens").GetInt64());
    }
}
