using System.Net;
using Monocle.Paygentic.Emulator.Hosting;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Emulator.Tests;

public sealed class ManifestAndCommandLineTests
{
    [Fact]
    public void Manifest_parses_with_defaults()
    {
        var metrics = MetricManifest.Parse("""
            {"metrics":[
              {"name":"OpenAI tokens","eventType":"ai.inference.openai","aggregation":"SUM","valueProperty":"$.total_tokens","groupBy":{"model":"$.model_name"},"unit":"tokens"},
              {"eventType":"ai.inference.anthropic","aggregation":"count"}
            ]}
            """);

        Assert.Equal(2, metrics.Count);
        Assert.Equal("$.model_name", metrics[0].GroupBy["model"]);
        Assert.Equal("tokens", metrics[0].Unit);
        Assert.Equal((MeterAggregation.Count, "ai.inference.anthropic tokens", "units"), (metrics[1].Aggregation, metrics[1].Name, metrics[1].Unit));
    }

    [Theory]
    [InlineData("""{"metric":[]}""", "\"metrics\" array")]
    [InlineData("""{"metrics":[{"aggregation":"SUM"}]}""", "metrics[0].eventType")]
    [InlineData("""{"metrics":[{"eventType":"a","aggregation":"TOTAL"}]}""", "metrics[0].aggregation")]
    [InlineData("""{"metrics":[{"eventType":"a","valueProperty":"tokens"}]}""", "metrics[0].valueProperty")]
    [InlineData("""{"metrics":[{"eventType":"a","groupBy":{"m":1}}]}""", "metrics[0].groupBy.m")]
    public void Bad_manifest_names_the_entry(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => MetricManifest.Parse(json));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_path_seeds_metrics_that_accept_events()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, """{"metrics":[{"eventType":"ai.inference.openai","valueProperty":"$.total_tokens","groupBy":{"model":"$.model_name"}}]}""");
            await using var client = await EmulatorClient.StartAsync(new PaygenticEmulatorOptions { ManifestPath = path });

            using var response = await client.PostEventAsync(EmulatorClient.Event("k", "s", new { total_tokens = 3 }));

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Command_line_maps_to_options()
    {
        var (options, help, error) = EmulatorCommandLine.Parse(
            ["--port", "6000", "--db", "e.db", "--environment", "live", "--api-key", "sk_live_a", "--manifest", "m.json", "--error-rate", "0.25", "--latency-ms", "40"],
            apiKeyFromEnvironment: "sk_live_b");

        Assert.False(help);
        Assert.Null(error);
        Assert.Equal((6000, "e.db", PaygenticEnvironment.Live, "m.json"), (options!.Port, options.DatabasePath, options.Environment, options.ManifestPath));
        Assert.Equal(["sk_live_a", "sk_live_b"], options.ApiKeys);
        Assert.Equal((0.25, TimeSpan.FromMilliseconds(40)), (options.Faults!.ErrorRate, options.Faults.Latency));
    }

    [Theory]
    [InlineData(new[] { "--help" }, true, null)]
    [InlineData(new[] { "--port" }, false, "--port needs a value.")]
    [InlineData(new[] { "--port", "99999" }, false, "Invalid value for --port.")]
    [InlineData(new[] { "--environment", "staging" }, false, "Invalid value for --environment.")]
    [InlineData(new[] { "--colour", "red" }, false, "Unknown option '--colour'.")]
    public void Command_line_help_and_errors(string[] args, bool help, string? error)
    {
        var parsed = EmulatorCommandLine.Parse(args, null);
        Assert.Equal((help, error), (parsed.ShowHelp, parsed.Error));
        Assert.Contains("--manifest <path>", EmulatorCommandLine.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_options_fail_at_start_without_echoing_keys()
    {
        var options = new PaygenticEmulatorOptions();
        options.ApiKeys.Add("sk_live_secret123");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => PaygenticEmulator.StartAsync(options));

        Assert.Contains("ApiKeys[0]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret123", error.Message, StringComparison.Ordinal);
    }
}
