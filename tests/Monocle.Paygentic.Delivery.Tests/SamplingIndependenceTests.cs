using System.Diagnostics;
using Monocle.Paygentic.Delivery.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Delivery.Tests;

public sealed class SamplingIndependenceTests
{
    [Fact]
    public async Task With_a_ratio_sampler_of_zero_and_under_an_unsampled_parent_every_billable_call_yields_its_event()
    {
        await using var harness = await DeliveryHarness.StartAsync(startExporter: false);
        var keys = new List<string>();
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetSampler(new TraceIdRatioBasedSampler(0))
            .AddMonocle()
            .AddPaygenticExporter(o => (o.ApiKey, o.Endpoint, o.SpoolDirectory, o.FlushToDisk) = (harness.Emulator.ApiKey, harness.Emulator.EventsUri, harness.SpoolRoot, false))
            .Build())
        {
            keys.Add(BillableCalls.Call("sub_sampled_out", 1, 1));   // a root the sampler drops

            // An inbound request whose caller did not sample the trace.
            using (var parent = new Activity("inbound").SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None).Start())
            {
                Assert.False(parent.Recorded);
                keys.Add(BillableCalls.Call("sub_sampled_out", 2, 2));
                keys.Add(BillableCalls.Call("sub_sampled_out", 3, 3));
            }
        }   // real clock: shutdown waits for delivery

        var stored = await EmulatorEvents.ListAsync(harness.Emulator, harness.MetricId);
        Assert.Equal(keys.Order(), stored.Select(e => e.GetProperty("idempotencyKey").GetString()).Order());
        Assert.Equal(12, stored.Sum(e => e.GetProperty("data").GetProperty("total_tokens").GetInt64()));
    }
}
