using System.Net;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Emulator.Tests;

public sealed class DurabilityTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Parallel_posts_with_duplicates_store_exact_totals(bool fileDatabase)
    {
        var directory = Directory.CreateTempSubdirectory("emulator-concurrency-");
        try
        {
            var options = new PaygenticEmulatorOptions { DatabasePath = fileDatabase ? Path.Combine(directory.FullName, "e.db") : null };
            await using var client = await EmulatorClient.StartAsync(options);
            var metric = await client.CreateMetricAsync("SUM", "$.total_tokens");

            // 60 distinct keys, each posted 4 times concurrently; key i carries i tokens.
            var posts = Enumerable.Range(0, 240).Select(async n =>
            {
                var i = n % 60;
                using var response = await client.PostEventAsync(EmulatorClient.Event($"key-{i}", "sub_c", new { total_tokens = i, model_name = "m" }, timestamp: "2025-06-01T00:00:00Z"));
                return response.StatusCode;
            });
            var statuses = await Task.WhenAll(posts);

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
            Assert.Equal(60, await client.Emulator.CountStoredEventsAsync());
            Assert.Equal(1770m, (await client.MeterAsync(metric))["totalValue"]!.GetValue<decimal>()); // 0 + 1 + … + 59
            var stats = client.Emulator.Statistics;
            Assert.Equal((240L, 60L, 180L), (stats.Requests, stats.Stored, stats.Duplicates));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Restart_on_the_same_file_keeps_events_metrics_and_dedupe_state()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-restart-");
        try
        {
            var path = Path.Combine(directory.FullName, "emulator.db");
            string metric;
            await using (var first = await EmulatorClient.StartAsync(new PaygenticEmulatorOptions { DatabasePath = path }))
            {
                metric = await first.CreateMetricAsync("SUM", "$.total_tokens");
                using var a = await first.PostEventAsync(EmulatorClient.Event("r1", "s", new { total_tokens = 11 }, timestamp: "2025-06-01T00:00:00Z"));
                using var b = await first.PostEventAsync(EmulatorClient.Event("r2", "s", new { total_tokens = 22 }, timestamp: "2025-06-01T00:00:00Z"));
            }

            await using var second = await EmulatorClient.StartAsync(new PaygenticEmulatorOptions { DatabasePath = path });
            using var replay = await second.PostEventAsync(EmulatorClient.Event("r1", "s", new { total_tokens = 11 }, timestamp: "2025-06-01T00:00:00Z"));
            using var fresh = await second.PostEventAsync(EmulatorClient.Event("r3", "s", new { total_tokens = 33 }, timestamp: "2025-06-01T00:00:00Z"));

            Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
            Assert.True(replay.Headers.Contains("X-Emulator-Duplicate"));
            Assert.False(fresh.Headers.Contains("X-Emulator-Duplicate"));
            Assert.Equal(66m, (await second.MeterAsync(metric))["totalValue"]!.GetValue<decimal>());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Seeding_the_same_definitions_twice_creates_each_metric_once()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-seed-");
        try
        {
            var options = new PaygenticEmulatorOptions { DatabasePath = Path.Combine(directory.FullName, "e.db") };
            options.Metrics.Add(MetricDefinition.TotalTokens("ai.inference.openai"));
            IReadOnlyList<string> firstIds;
            await using (var first = await PaygenticEmulator.StartAsync(options))
            {
                firstIds = await first.CreateMetricsAsync([MetricDefinition.TotalTokens("ai.inference.openai")]);
            }

            await using var second = await EmulatorClient.StartAsync(options);
            using var list = await second.Http.GetAsync("v0/billableMetrics?merchantId=org_emulator");

            var data = (await EmulatorClient.ReadJsonAsync(list))["data"]!.AsArray();
            Assert.Equal(firstIds, data.Select(m => m!["id"]!.GetValue<string>()));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
