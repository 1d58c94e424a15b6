using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monocle.Paygentic.Delivery.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Delivery.Tests;

public sealed class AuthorizationPauseTests
{
    private const string RightKey = "sk_test_right0key";
    private const string WrongKey = "sk_test_wrong0key";

    [Fact]
    public async Task A_refused_key_keeps_events_probes_each_interval_and_a_key_reloaded_from_configuration_resumes_at_once()
    {
        await using var harness = await DeliveryHarness.StartAsync(startExporter: false, emulatorOptions: o => o.ApiKeys.Add(RightKey));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Paygentic:ApiKey"] = WrongKey })
            .Build();
        var tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureServices(s => s.AddSingleton<IConfiguration>(configuration).AddSingleton<ILoggerFactory>(harness.Log))
            .AddMonocle()
            .AddPaygenticExporter(o =>
            {
                var defaults = harness.NewOptions();
                (o.Endpoint, o.SpoolDirectory, o.TimeProvider, o.FlushToDisk, o.Timeout) =
                    (defaults.Endpoint, defaults.SpoolDirectory, defaults.TimeProvider, false, defaults.Timeout);
                o.AuthorizationProbeInterval = TimeSpan.FromSeconds(30);
            })
            .Build();
        try
        {
            BillableCalls.Call("sub_auth", 1, 2);
            BillableCalls.Call("sub_auth", 3, 4);
            await FakeClock.WaitUntilAsync(() => harness.Emulator.Statistics.Rejected >= 1, "the key was refused");
            await FakeClock.SettleAsync();
            var refused = harness.Emulator.Statistics.Requests;
            Assert.Equal(2, SpoolFolders.Pending(harness.SpoolRoot));

            await FakeClock.AdvanceAsync(harness.Time, TimeSpan.FromSeconds(29), DeliveryHarness.Second);
            await FakeClock.SettleAsync();
            Assert.Equal(refused, harness.Emulator.Statistics.Requests);   // paused: nothing sent

            await FakeClock.AdvanceUntilAsync(harness.Time, () => harness.Emulator.Statistics.Requests > refused, DeliveryHarness.Second, "the probe");
            await FakeClock.SettleAsync();
            Assert.Equal(refused + 1, harness.Emulator.Statistics.Requests);   // one probe, not the whole spool
            Assert.Equal(2, SpoolFolders.Pending(harness.SpoolRoot));

            configuration["Paygentic:ApiKey"] = RightKey;
            configuration.Reload();
            await FakeClock.WaitUntilAsync(() => SpoolFolders.Pending(harness.SpoolRoot) == 0, "delivery resumed without the clock moving");
            Assert.Equal(2, await harness.Emulator.CountStoredEventsAsync());

            var error = Assert.Single(harness.Errors, e => e.Contains("refused the API key", StringComparison.Ordinal));
            Assert.Contains("PAYGENTIC_API_KEY", error, StringComparison.Ordinal);
            Assert.DoesNotContain(harness.Log.Lines, l => l.Message.Contains(WrongKey, StringComparison.Ordinal) || l.Message.Contains(RightKey, StringComparison.Ordinal));
        }
        finally
        {
            var stopping = Task.Run(tracing.Dispose);
            await FakeClock.AdvanceUntilAsync(harness.Time, () => stopping.IsCompleted, DeliveryHarness.Second, "shutdown");
        }
    }
}
