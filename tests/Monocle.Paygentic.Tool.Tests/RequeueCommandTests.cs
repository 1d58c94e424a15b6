using Monocle.Paygentic.Emulator;
using Monocle.Paygentic.Emulator.Metrics;
using Monocle.Paygentic.Runtime.Tests.TraceFiles;
using Monocle.Paygentic.Tool.Replay;
using Monocle.Paygentic.Tool.Requeue;

namespace Monocle.Paygentic.Tool.Tests;

/// <summary><c>monocle-paygentic requeue</c>: dead letters go again once their cause is fixed.</summary>
public sealed class RequeueCommandTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "monocle-requeue-tests", Guid.NewGuid().ToString("N"));

    public RequeueCommandTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Events_rejected_for_a_missing_metric_are_delivered_once_the_metric_exists()
    {
        await using var emulator = await PaygenticEmulator.StartAsync(new PaygenticEmulatorOptions());   // no metrics yet
        var spool = Path.Combine(_work, "spool");
        var trace = TraceFilePaths.TestData("python_array.json");
        using var quiet = new StringWriter();
        var previous = Environment.GetEnvironmentVariable("PAYGENTIC_API_KEY");
        Environment.SetEnvironmentVariable("PAYGENTIC_API_KEY", emulator.ApiKey);
        try
        {
            var replayed = await ReplayCommand.RunAsync(
                new ReplaySettings([trace], DryRun: false, emulator.EventsUri, null, null, spool, TimeSpan.FromMinutes(1)), quiet, quiet, CancellationToken.None);
            Assert.Equal(ExitCodes.DeadLettered, replayed);   // every type was refused: CI must notice
            Assert.Equal(0, await emulator.CountStoredEventsAsync());
            var dead = Assert.Single(Directory.GetDirectories(spool, "dead", SearchOption.AllDirectories));
            var letters = Directory.GetFiles(dead, "*.json");
            Assert.NotEmpty(letters);

            await emulator.CreateMetricsAsync([MetricDefinition.TotalTokens("ai.inference.openai")]);
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var exitCode = await RequeueCommand.RunAsync([dead], TimeSpan.FromMinutes(1), output, errors, CancellationToken.None);

            Assert.True(exitCode == 0, errors.ToString());
            Assert.Contains($"requeued to {emulator.EventsUri}", errors.ToString(), StringComparison.Ordinal);   // the endpoint that rejected them
            Assert.Equal(letters.Length, await emulator.CountStoredEventsAsync());
            Assert.Empty(Directory.GetFiles(dead, "*.json"));
            Assert.Contains("invalid_event_type", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PAYGENTIC_API_KEY", previous);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_dead_letter_is_an_error_and_is_kept()
    {
        var notALetter = Path.Combine(_work, "dead", "trace.json");
        Directory.CreateDirectory(Path.GetDirectoryName(notALetter)!);
        await File.WriteAllTextAsync(notALetter, "[{\"name\":\"a span, not a dead letter\"}]");
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = await RequeueCommand.RunAsync([notALetter], TimeSpan.FromSeconds(5), output, errors, CancellationToken.None);

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("is not a partition of the Paygentic spool", errors.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(notALetter));
    }
}
