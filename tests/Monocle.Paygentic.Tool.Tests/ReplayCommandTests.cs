using Monocle.Paygentic.Emulator;
using Monocle.Paygentic.Emulator.Metrics;
using Monocle.Paygentic.Runtime.Tests.Conversion;
using Monocle.Paygentic.Runtime.Tests.TraceFiles;
using Monocle.Paygentic.Tool.Replay;

namespace Monocle.Paygentic.Tool.Tests;

/// <summary><c>monocle-paygentic replay</c>, driven as the command line drives it.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "monocle-replay-tests", Guid.NewGuid().ToString("N"));

    public ReplayCommandTests() => Directory.CreateDirectory(_work);

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [SkippableFact]
    public async Task A_dry_run_of_the_shared_Monocle_fixtures_prints_exactly_their_expected_events()
    {
        var folder = TraceFilePaths.SharedFixtures();
        Skip.If(folder is null, "shared/fixtures/monocle-traces not found above the test assembly (the fixtures live outside the repo)");

        foreach (var file in Directory.GetFiles(folder!, "*.json"))
        {
            var (exitCode, output, errors) = await RunAsync(DryRun(file));

            Assert.True(exitCode == 0, errors);
            var actual = Lines(output);
            var expected = Lines(await File.ReadAllTextAsync(Path.ChangeExtension(file, ".expected.jsonl")));
            Assert.True(expected.Count == actual.Count, $"{Path.GetFileName(file)}: {actual.Count} events, expected {expected.Count}\n{errors}");
            for (var i = 0; i < expected.Count; i++)
            {
                EventJson.AssertSame(expected[i], actual[i], $"{Path.GetFileName(file)} event {i}");
            }
        }
    }

    [Fact]
    public async Task A_dry_run_prints_the_events_of_the_projects_own_trace_files()
    {
        var (exitCode, output, errors) = await RunAsync(DryRun(TraceFilePaths.TestData("python_array.json")));

        Assert.Equal(0, exitCode);
        var events = Lines(output);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Contains("\"type\":\"ai.inference.", e, StringComparison.Ordinal));
        Assert.Contains($"{events.Count} event(s) printed", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replaying_the_same_files_twice_bills_each_idempotency_key_once()
    {
        await using var emulator = await StartEmulatorAsync();
        var files = new[] { TraceFilePaths.TestData("python_array.json"), TraceFilePaths.TestData("one_span_per_line.ndjson") };
        var expectedEvents = Lines((await RunAsync(DryRun(files))).Output).Count;
        Assert.True(expectedEvents > 0);

        var first = await RunAsync(Send(emulator, files));
        var second = await RunAsync(Send(emulator, files));

        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.True(second.ExitCode == 0, second.Errors);
        Assert.Equal(expectedEvents, await emulator.CountStoredEventsAsync());
        Assert.Equal(expectedEvents, emulator.Statistics.Duplicates);   // the second replay was answered as duplicates
    }

    [Fact]
    public async Task A_bad_file_among_good_ones_gives_its_error_and_the_good_files_still_go()
    {
        await using var emulator = await StartEmulatorAsync();
        var bad = Path.Combine(_work, "broken.json");
        await File.WriteAllTextAsync(bad, "[{\"name\": \"x\", \"context\": {\"trace_id\": 42}");
        var good = TraceFilePaths.TestData("python_array.json");
        var expectedEvents = Lines((await RunAsync(DryRun(good))).Output).Count;

        var (exitCode, _, errors) = await RunAsync(Send(emulator, good, bad));

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("broken.json", errors, StringComparison.Ordinal);
        Assert.Contains("broken.json(1,2): byte 1, span #0: the file ends inside span #0", errors, StringComparison.Ordinal);
        Assert.Equal(expectedEvents, await emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task A_path_that_does_not_exist_is_an_error_and_the_rest_still_goes()
    {
        var (exitCode, output, errors) = await RunAsync(DryRun(Path.Combine(_work, "missing.json"), TraceFilePaths.TestData("python_array.json")));

        Assert.Equal(ExitCodes.InputErrors, exitCode);
        Assert.Contains("missing.json' is neither a file nor a folder", errors, StringComparison.Ordinal);
        Assert.NotEmpty(Lines(output));
    }

    [Fact]
    public async Task Undelivered_events_stay_in_the_spool_for_the_next_run()
    {
        // A port nobody listens on: every attempt fails, the replay gives up waiting, the events stay.
        var deadEndpoint = new Uri("http://127.0.0.1:9/v0/events");
        var files = new[] { TraceFilePaths.TestData("python_array.json") };
        var settings = Send(deadEndpoint, "sk_test_replaytests", files) with { Timeout = TimeSpan.FromSeconds(1) };

        var (exitCode, _, errors) = await RunAsync(settings, apiKey: "sk_test_replaytests");

        Assert.Equal(ExitCodes.Undelivered, exitCode);
        Assert.Contains("stay in", errors, StringComparison.Ordinal);
        Assert.Contains(Directory.EnumerateFiles(_work, "*.json", SearchOption.AllDirectories), f => f.Contains("pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_API_key_the_replay_says_what_to_set_at_once_and_keeps_the_events()
    {
        var settings = Send(new Uri("http://127.0.0.1:9/v0/events"), apiKey: "", [TraceFilePaths.TestData("python_array.json")]);

        var (exitCode, _, errors) = await RunAsync(settings with { Timeout = TimeSpan.FromHours(1) }, apiKey: "");

        Assert.Equal(ExitCodes.Undelivered, exitCode);
        Assert.Contains("Set PAYGENTIC_API_KEY", errors, StringComparison.Ordinal);
        Assert.Contains("stay in", errors, StringComparison.Ordinal);
    }

    private ReplaySettings DryRun(params string[] files) =>
        new(files, DryRun: true, Endpoint: null, Source: null, Namespace: null, SpoolDirectory: Path.Combine(_work, "spool"), Timeout: TimeSpan.FromMinutes(1));

    private ReplaySettings Send(PaygenticEmulator emulator, params string[] files) => Send(emulator.EventsUri, emulator.ApiKey, files);

    private ReplaySettings Send(Uri endpoint, string apiKey, string[] files)
    {
        _apiKey = apiKey;
        return new(files, DryRun: false, endpoint, Source: null, Namespace: null, SpoolDirectory: Path.Combine(_work, "spool"), Timeout: TimeSpan.FromMinutes(1));
    }

    private string? _apiKey;

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(ReplaySettings settings, string? apiKey = null)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var previous = Environment.GetEnvironmentVariable("PAYGENTIC_API_KEY");
        Environment.SetEnvironmentVariable("PAYGENTIC_API_KEY", apiKey ?? _apiKey);
        try
        {
            var exitCode = await ReplayCommand.RunAsync(settings, output, errors, CancellationToken.None);
            return (exitCode, output.ToString(), errors.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable("PAYGENTIC_API_KEY", previous);
        }
    }

    private static async Task<PaygenticEmulator> StartEmulatorAsync()
    {
        var options = new PaygenticEmulatorOptions();
        options.Metrics.Add(MetricDefinition.TotalTokens("ai.inference.openai"));
        options.Metrics.Add(MetricDefinition.TotalTokens("ai.inference.azure_openai"));
        options.Metrics.Add(MetricDefinition.TotalTokens("ai.inference.anthropic"));
        return await PaygenticEmulator.StartAsync(options);
    }

    private static List<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
