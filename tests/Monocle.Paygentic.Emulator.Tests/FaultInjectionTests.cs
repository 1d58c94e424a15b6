using System.Net;
using System.Text;
using Monocle.Paygentic.Emulator.Faults;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Emulator.Tests;

public sealed class FaultInjectionTests
{
    private static async Task<EmulatorClient> StartAsync()
    {
        var options = new PaygenticEmulatorOptions();
        options.Metrics.Add(MetricDefinition.TotalTokens(EmulatorClient.EventType));
        return await EmulatorClient.StartAsync(options);
    }

    private static Task<HttpResponseMessage> ScriptAsync(EmulatorClient client, string json) =>
        client.Http.PostAsync("_emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Scripted_next_three_503_then_accepted()
    {
        await using var client = await StartAsync();
        using var scripted = await ScriptAsync(client, """{"next":[{"status":503,"count":3}]}""");
        Assert.Equal(HttpStatusCode.OK, scripted.StatusCode);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostEventAsync(EmulatorClient.Event("same-key", "s", new { total_tokens = 1 }));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.Accepted], statuses);
        Assert.Equal(1, await client.Emulator.CountStoredEventsAsync());
        Assert.Equal(3, client.Emulator.Statistics.Faulted);
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        await using var client = await StartAsync();
        client.Emulator.Faults.Enqueue(ScriptedFault.TooManyRequests(TimeSpan.FromSeconds(7)));

        using var response = await client.PostEventAsync(EmulatorClient.Event("k", "s", new { total_tokens = 1 }));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
        Assert.Equal(0, await client.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task Error_rate_one_fails_every_request_until_cleared()
    {
        await using var client = await StartAsync();
        using var set = await ScriptAsync(client, """{"errorRate":1,"errorStatusCode":502}""");

        using var failed = await client.PostEventAsync(EmulatorClient.Event("k", "s", new { total_tokens = 1 }));
        using var cleared = await client.Http.DeleteAsync("_emulator/faults");
        using var accepted = await client.PostEventAsync(EmulatorClient.Event("k", "s", new { total_tokens = 1 }));

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Dropped_connection_is_a_network_error_and_stores_nothing()
    {
        await using var client = await StartAsync();
        client.Emulator.Faults.Enqueue(ScriptedFault.Drop());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostEventAsync(EmulatorClient.Event("k", "s", new { total_tokens = 1 })));
        Assert.Equal(0, await client.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task Failed_storage_write_is_not_remembered_so_the_retry_is_new()
    {
        await using var client = await StartAsync();
        using var scripted = await ScriptAsync(client, """{"next":[{"action":"failStorage"}]}""");

        using var failed = await client.PostEventAsync(EmulatorClient.Event("k-retry", "s", new { total_tokens = 1 }));
        using var retry = await client.PostEventAsync(EmulatorClient.Event("k-retry", "s", new { total_tokens = 1 }));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.False(retry.Headers.Contains("X-Emulator-Duplicate"));
        Assert.Equal(1, await client.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task Drop_after_store_makes_the_retry_a_duplicate_counted_once()
    {
        await using var client = await StartAsync();
        client.Emulator.Faults.Enqueue(ScriptedFault.DropAfterStore());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostEventAsync(EmulatorClient.Event("k-lost", "s", new { total_tokens = 1 })));
        using var retry = await client.PostEventAsync(EmulatorClient.Event("k-lost", "s", new { total_tokens = 1 }));

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.True(retry.Headers.Contains("X-Emulator-Duplicate"));
        Assert.Equal(1, await client.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task Added_latency_outlasts_a_short_client_timeout()
    {
        await using var client = await StartAsync();
        client.Emulator.Faults.Configure(new FaultSettings { Latency = TimeSpan.FromSeconds(30) });
        using var impatient = new HttpClient { BaseAddress = client.Emulator.BaseUri, Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync("v0/events", new StringContent("{}")));
        Assert.Equal(TimeSpan.FromSeconds(30), client.Emulator.Faults.Settings.Latency);
    }

    [Theory]
    [InlineData("""{"errorRate":1.5}""")]
    [InlineData("""{"errorRate":0.6,"dropRate":0.6}""")]
    [InlineData("""{"errorStatusCode":404}""")]
    [InlineData("""{"next":[{"action":"explode"}]}""")]
    [InlineData("""{"next":[{"status":200}]}""")]
    public async Task Invalid_fault_script_answers_400_and_changes_nothing(string json)
    {
        await using var client = await StartAsync();
        client.Emulator.Faults.Enqueue(ScriptedFault.Status(500));

        using var response = await ScriptAsync(client, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(client.Emulator.Faults.PendingScript);
    }

    [Fact]
    public async Task Get_faults_shows_the_pending_script()
    {
        await using var client = await StartAsync();
        using var set = await ScriptAsync(client, """{"next":[{"action":"drop"},{"status":429,"retryAfterSeconds":3}]}""");
        using var get = await client.Http.GetAsync("_emulator/faults");

        var next = (await EmulatorClient.ReadJsonAsync(get))["next"]!.AsArray();
        Assert.Equal(["drop", "status"], next.Select(n => n!["action"]!.GetValue<string>()));
        Assert.Equal(3d, next[1]!["retryAfterSeconds"]!.GetValue<double>());
    }
}
