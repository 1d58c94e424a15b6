using System.Diagnostics;
using Monocle.Paygentic.Delivery.Tests.Support;
using Monocle.Paygentic.Emulator;
using Monocle.Paygentic.Emulator.Faults;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Delivery.Tests;

public sealed class CrashRecoveryTests
{
    private const int Calls = 25;

    [Fact]
    public async Task Events_exported_by_a_killed_process_are_delivered_by_the_next_one_each_key_once_with_exact_tokens()
    {
        var spool = Path.Combine(Path.GetTempPath(), "monocle-crash-" + Guid.NewGuid().ToString("N"));
        await using var emulator = await PaygenticEmulator.StartAsync();
        var metricId = (await emulator.CreateMetricsAsync([MetricDefinition.TotalTokens(DeliveryHarness.OpenAiType)]))[0];
        emulator.Faults.Configure(new FaultSettings { ErrorRate = 1 });   // the child delivers nothing
        try
        {
            using (var child = StartChild(emulator, spool))
            {
                try
                {
                    string? line;
                    while ((line = await child.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("EXPORTED", StringComparison.Ordinal))
                    {
                    }

                    Assert.Equal($"EXPORTED {Calls}", line);
                }
                finally
                {
                    child.Kill(entireProcessTree: true);   // SIGKILL: no shutdown, no flush
                    await child.WaitForExitAsync();
                }
            }

            Assert.Equal(0, emulator.Statistics.Stored);
            Assert.Equal(Calls, SpoolFolders.Pending(spool));
            emulator.Faults.Reset();

            using (var exporter = new PaygenticExporter(new PaygenticExporterOptions { ApiKey = emulator.ApiKey, Endpoint = emulator.EventsUri, SpoolDirectory = spool }))
            {
                Assert.Equal(Calls, exporter.Statistics.Pending);
                using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                await exporter.WaitForDeliveryAsync(guard.Token);
            }

            var stored = await EmulatorEvents.ListAsync(emulator, metricId);
            Assert.Equal(Calls, stored.Select(e => e.GetProperty("idempotencyKey").GetString()).Distinct().Count());
            Assert.Equal(Calls, await emulator.CountStoredEventsAsync());
            Assert.Equal(0, emulator.Statistics.Duplicates);
            // Call i billed (i + 1) + 2 tokens.
            Assert.Equal(Enumerable.Range(0, Calls).Sum(i => i + 3L), stored.Sum(e => e.GetProperty("data").GetProperty("total_tokens").GetInt64()));
            Assert.All(stored, e => Assert.Equal("sub_crash", e.GetProperty("subject").GetString()));
        }
        finally
        {
            Directory.Delete(spool, recursive: true);
        }
    }

    private static Process StartChild(PaygenticEmulator emulator, string spool)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ChildDll());
        start.ArgumentList.Add(Calls.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.Environment["PAYGENTIC_API_KEY"] = emulator.ApiKey;
        start.Environment["PAYGENTIC_EVENT_ENDPOINT"] = emulator.EventsUri.ToString();
        start.Environment["PAYGENTIC_SPOOL_DIRECTORY"] = spool;
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };   // drained: retry warnings must not block the child
        process.BeginErrorReadLine();
        return process;
    }

    // The child is built by the ProjectReference (ReferenceOutputAssembly=false) next to this project, same configuration.
    private static string ChildDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration, tests) = (output.Name, output.Parent!.Name, output.Parent.Parent!.Parent!.Parent!.FullName);
        var dll = Path.Combine(tests, "Monocle.Paygentic.Delivery.CrashChild", "bin", configuration, framework, "Monocle.Paygentic.Delivery.CrashChild.dll");
        Assert.True(File.Exists(dll), $"The crash child is not built: {dll}");
        return dll;
    }
}
