using System.Diagnostics.Tracing;
using System.Text.Json;
using Monocle.Paygentic.Delivery.Tests.Support;
using Monocle.Paygentic.Emulator.Faults;

namespace Monocle.Paygentic.Delivery.Tests;

public sealed class SpoolLimitTests
{
    [Fact]
    public async Task A_full_spool_drops_the_newest_event_counts_it_and_logs_an_error()
    {
        await using var harness = await DeliveryHarness.StartAsync(o => (o.ApiKey, o.MaxSpooledEvents) = (null, 3));
        var kept = Enumerable.Range(0, 3).Select(i => BillableCalls.Call("sub_full", i + 1, 1)).ToList();
        BillableCalls.Call("sub_full", 100, 1);

        Assert.Equal(3, harness.PendingFiles);
        var statistics = harness.Exporter.Statistics;
        Assert.Equal((3L, 3), (statistics.Spooled, statistics.Pending));
        Assert.Equal(1, statistics.Dropped["spool_full"]);
        Assert.Contains(harness.Errors, e => e.Contains("maximum of 3 events", StringComparison.Ordinal));

        harness.Options.ApiKey = harness.Emulator.ApiKey;
        await harness.UntilDeliveredAsync();
        var stored = await EmulatorEvents.ListAsync(harness.Emulator, harness.MetricId);
        Assert.Equal(kept.Order(), stored.Select(e => e.GetProperty("idempotencyKey").GetString()).Order());
    }

    [Fact]
    public async Task An_event_not_delivered_within_the_retention_is_dead_lettered_as_expired()
    {
        await using var harness = await DeliveryHarness.StartAsync(o => (o.ApiKey, o.Retention) = (null, TimeSpan.FromDays(1)));
        BillableCalls.Call("sub_old", 1, 1);

        await FakeClock.AdvanceUntilAsync(harness.Time, () => harness.Exporter.Statistics.DeadLettered == 1, TimeSpan.FromHours(1), "the event expired");

        Assert.Equal(0, harness.PendingFiles);
        var letter = JsonDocument.Parse(File.ReadAllBytes(Assert.Single(Directory.GetFiles(harness.DeadFolder, "*.json")))).RootElement;
        Assert.StartsWith("Expired", letter.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("sub_old", letter.GetProperty("event").GetProperty("subject").GetString());
        Assert.Contains(harness.Errors, e => e.Contains("retention period", StringComparison.Ordinal));
        Assert.Equal(0, harness.Emulator.Statistics.Requests);
    }

    [Fact]
    public async Task Spooling_the_same_event_twice_keeps_one_file()
    {
        await using var harness = await DeliveryHarness.StartAsync(o => o.ApiKey = null);
        BillableCalls.Call("sub_dup", 1, 1);
        var body = File.ReadAllBytes(Assert.Single(Directory.GetFiles(harness.PendingFolder, "*.json")));
        var again = JsonSerializer.Deserialize(body, Export.PaygenticJsonContext.Default.PaygenticEvent)!;

        Assert.True(harness.Exporter.Enqueue(again));
        Assert.Equal(1, harness.PendingFiles);
        Assert.Equal(1, harness.Exporter.Statistics.Spooled);
    }

    [Fact]
    public async Task The_api_key_never_appears_in_spool_files_logs_event_source_messages_exceptions_or_ToString()
    {
        const string Secret = "sk_test_Secret0Key0Never0Shown";
        using var events = new ExporterEventListener();
        await using var harness = await DeliveryHarness.StartAsync(o => o.ApiKey = Secret, e => e.ApiKeys.Add("sk_test_theOnlyAcceptedKey"));
        harness.Emulator.Faults.Enqueue(ScriptedFault.Status(400));
        BillableCalls.Call("sub_secret", 1, 1);
        await FakeClock.WaitUntilAsync(() => harness.Exporter.Statistics.DeadLettered == 1, "the 400 dead letter");
        BillableCalls.Call("sub_secret", 2, 2);
        await FakeClock.WaitUntilAsync(() => harness.Emulator.Statistics.Rejected == 1, "the 401");
        await FakeClock.SettleAsync();

        var texts = new List<string>(Directory.GetFiles(harness.SpoolRoot, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        texts.AddRange(harness.Log.Lines.Select(l => l.Message));
        texts.AddRange(events.Messages);
        texts.Add(harness.Options.ToString());
        texts.Add(harness.Exporter.Statistics.ToString());
        var remote = harness.NewOptions(o => (o.ApiKey, o.Endpoint) = (Secret, new Uri("http://billing.example.com/v0/events")));
        texts.Add(Assert.Throws<InvalidOperationException>(() => new PaygenticExporter(remote)).ToString());

        Assert.Contains(harness.Log.Lines, l => l.Message.Contains("refused the API key", StringComparison.Ordinal));
        Assert.Contains(events.Messages, m => m.Contains("refused the API key", StringComparison.Ordinal));
        Assert.Contains("apiKey=(set)", harness.Options.ToString(), StringComparison.Ordinal);
        Assert.All(texts, t => Assert.DoesNotContain("Secret0Key0Never0Shown", t, StringComparison.Ordinal));
    }

    /// <summary>Listens to the exporter's self-diagnostics EventSource, by its published name.</summary>
    private sealed class ExporterEventListener : EventListener
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "OpenTelemetry-Exporter-Paygentic")
            {
                EnableEvents(eventSource, EventLevel.Verbose);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            lock (_messages)
            {
                _messages.Add(string.Join(" ", eventData.Payload ?? []));
            }
        }
    }
}
