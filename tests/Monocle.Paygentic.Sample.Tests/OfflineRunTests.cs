using Monocle.Paygentic.Sample.Tests.Support;

namespace Monocle.Paygentic.Sample.Tests;

/// <summary>
/// The sample with nothing configured: the fake OpenAI server and the embedded emulator. What the server
/// issued (summed here) must be exactly what the emulator's meter API reports, per subject and model.
/// </summary>
[Collection(SampleCollection.Name)]
public sealed class OfflineRunTests
{
    [Fact]
    public async Task Meters_equal_the_tokens_the_provider_issued_per_subject_and_model_and_the_unscoped_call_is_dropped()
    {
        await using var app = await SampleApp.StartAsync(new SampleSettings());
        var result = await app.RunWorkloadAsync();

        Assert.True(result.Delivered);
        Assert.NotNull(app.FakeOpenAI);
        Assert.NotNull(app.Emulator);
        var issued = app.FakeOpenAI.Issued;
        Assert.Equal(Workload.InferenceCalls, issued.Count);
        Assert.Contains(issued, u => u.Streamed && u.Model == SampleApp.ChatModel);    // OpenAI SDK stream
        Assert.Contains(issued, u => u.Streamed && u.Model == SampleApp.AgentModel);   // IChatClient stream

        var truth = GroundTruth.Of(issued);
        Assert.Equal(Workload.Subjects.Order(StringComparer.Ordinal), truth.Select(t => t.Subject).Distinct());
        using var meters = new MeterQueries(app.Emulator.BaseUri, app.Emulator.ApiKey, app.Emulator.MerchantId);
        var prompt = await meters.MetricIdAsync("SUM", "$.prompt_tokens");
        var completion = await meters.MetricIdAsync("SUM", "$.completion_tokens");
        var total = await meters.MetricIdAsync("SUM", "$.total_tokens");
        var calls = await meters.MetricIdAsync("COUNT", valueProperty: null);
        foreach (var subject in truth.GroupBy(t => t.Subject))
        {
            Assert.Equal(subject.ToDictionary(t => t.Model, t => (decimal)t.PromptTokens), await meters.ByModelAsync(prompt, subject.Key));
            Assert.Equal(subject.ToDictionary(t => t.Model, t => (decimal)t.CompletionTokens), await meters.ByModelAsync(completion, subject.Key));
            Assert.Equal(subject.ToDictionary(t => t.Model, t => (decimal)t.TotalTokens), await meters.ByModelAsync(total, subject.Key));
            Assert.Equal(subject.ToDictionary(t => t.Model, t => (decimal)t.Calls), await meters.ByModelAsync(calls, subject.Key));
        }

        // The unscoped call: issued by the provider with no user, dropped as no_subject, in no meter at all.
        var unscoped = Assert.Single(issued, u => u.EndUser is null);
        Assert.Equal(1, result.Statistics.Dropped["no_subject"]);
        Assert.Equal(Workload.InferenceCalls - 1, result.Statistics.Sent);
        Assert.Equal(0, result.Statistics.Pending);
        var allSubjects = await meters.ByModelAsync(total, subject: null);
        Assert.Equal(truth.Sum(t => t.TotalTokens), allSubjects.Values.Sum());
        Assert.Equal(Workload.InferenceCalls - 1, (await meters.ByModelAsync(calls, subject: null)).Values.Sum());
        Assert.Equal(Workload.InferenceCalls - 1, await app.Emulator.CountStoredEventsAsync());
        Assert.True(unscoped.TotalTokens > 0);
    }

    [Fact]
    public async Task The_sample_reads_the_same_meters_it_prints()
    {
        await using var app = await SampleApp.StartAsync(new SampleSettings());
        await app.RunWorkloadAsync();

        var rows = await app.ReadMetersAsync();

        var truth = GroundTruth.Of(app.FakeOpenAI!.Issued);
        Assert.Equal(
            truth.Select(t => (t.Subject, t.Model, (decimal)t.PromptTokens, (decimal)t.CompletionTokens, (decimal)t.TotalTokens, (decimal)t.Calls)).OrderBy(t => t.Subject).ThenBy(t => t.Model),
            rows.Select(r => (r.Subject, r.Model, r.PromptTokens, r.CompletionTokens, r.TotalTokens, r.Events)).OrderBy(t => t.Subject).ThenBy(t => t.Model));
    }

    [Fact]
    public async Task The_emulator_meters_with_the_generated_manifest_metric()
    {
        await using var app = await SampleApp.StartAsync(new SampleSettings());
        using var meters = new MeterQueries(app.Emulator!.BaseUri, app.Emulator.ApiKey, app.Emulator.MerchantId);

        var manifest = Assert.Single(MonocleBillableMetrics.All);
        Assert.Equal(MonocleEventTypes.OpenAI, manifest.EventType);
        Assert.Equal(app.Metrics!.TotalTokensId, await meters.MetricIdAsync(manifest.Aggregation, manifest.ValueProperty));
    }
}
