using Monocle.Paygentic.Emulator;
using Monocle.Paygentic.Emulator.Metrics;
using Monocle.Paygentic.Sample.FakeOpenAI;
using Monocle.Paygentic.Sample.Tests.Support;

namespace Monocle.Paygentic.Sample.Tests;

/// <summary>
/// The sample pointed, through its environment variables, at an OpenAI-compatible server and a Paygentic
/// endpoint the test started itself: it starts neither, and the test's emulator meters what the test's
/// server issued.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class ExternalServersTests
{
    [Fact]
    public async Task With_OPENAI_BASE_URL_and_PAYGENTIC_EVENT_ENDPOINT_the_sample_starts_no_server_and_delivers_there()
    {
        await using var openAI = await FakeOpenAIServer.StartAsync();
        await using var emulator = await PaygenticEmulator.StartAsync(new PaygenticEmulatorOptions());
        await emulator.CreateMetricsAsync([MetricDefinition.TotalTokens("ai.inference.openai")]);
        var spool = Path.Combine(Path.GetTempPath(), "monocle-sample-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["OPENAI_BASE_URL"] = openAI.BaseUrl.ToString(),
            ["OPENAI_API_KEY"] = "sk-test-openai",
            ["PAYGENTIC_EVENT_ENDPOINT"] = emulator.EventsUri.ToString(),
            ["PAYGENTIC_API_KEY"] = emulator.ApiKey,
            ["PAYGENTIC_SPOOL_DIRECTORY"] = spool,
        };

        await using var app = await SampleApp.StartAsync(SampleSettings.FromEnvironment(environment.GetValueOrDefault));
        var result = await app.RunWorkloadAsync();

        Assert.Null(app.FakeOpenAI);
        Assert.Null(app.Emulator);
        Assert.Equal(spool, app.SpoolRoot);   // against an external Paygentic, the spool outlives the run
        Assert.Equal(openAI.BaseUrl, app.OpenAIBaseUrl);
        Assert.Equal(emulator.EventsUri, app.Exporter.Endpoint);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.ReadMetersAsync());

        Assert.True(result.Delivered);
        Assert.Equal(Workload.InferenceCalls, openAI.Issued.Count);
        Assert.Equal(Workload.InferenceCalls - 1, result.Statistics.Sent);
        Assert.Equal(1, result.Statistics.Dropped["no_subject"]);
        Assert.Equal(Workload.InferenceCalls - 1, await emulator.CountStoredEventsAsync());

        using var meters = new MeterQueries(emulator.BaseUri, emulator.ApiKey, emulator.MerchantId);
        var total = await meters.MetricIdAsync("SUM", "$.total_tokens");
        foreach (var subject in GroundTruth.Of(openAI.Issued).GroupBy(t => t.Subject))
        {
            Assert.Equal(subject.ToDictionary(t => t.Model, t => (decimal)t.TotalTokens), await meters.ByModelAsync(total, subject.Key));
        }
    }

    [Fact]
    public void A_URL_variable_that_is_not_an_absolute_URL_is_refused_with_its_name()
    {
        var error = Assert.Throws<FormatException>(() => SampleSettings.FromEnvironment(name => name == "OPENAI_BASE_URL" ? "localhost:8080/v1" : null));

        Assert.Contains("OPENAI_BASE_URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_variables_everything_runs_locally()
    {
        var settings = SampleSettings.FromEnvironment(_ => null);

        Assert.False(settings.UsesExternalOpenAI);
        Assert.False(settings.UsesExternalPaygentic);
    }
}
