using System.Net;
using System.Text.Json.Nodes;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Emulator.Tests;

public sealed class EventIngestionTests
{
    private static PaygenticEmulatorOptions WithTokenMetric(PaygenticEnvironment environment = PaygenticEnvironment.Sandbox)
    {
        var options = new PaygenticEmulatorOptions { Environment = environment };
        options.Metrics.Add(MetricDefinition.TotalTokens(EmulatorClient.EventType));
        return options;
    }

    [Fact]
    public async Task Accepted_event_answers_202_with_the_event_response_shape()
    {
        await using var client = await EmulatorClient.StartAsync(WithTokenMetric());
        using var response = await client.PostEventAsync(EmulatorClient.Event("trace1_span1", "sub_1", new { total_tokens = 7 }, timestamp: "2025-06-15T10:00:00+02:00"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await EmulatorClient.ReadJsonAsync(response);
        Assert.StartsWith("evt_", body["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("event", body["object"]!.GetValue<string>());
        Assert.Equal(EmulatorClient.EventType, body["type"]!.GetValue<string>());
        Assert.Equal("tests", body["source"]!.GetValue<string>());
        Assert.Equal("sub_1", body["subject"]!.GetValue<string>());
        Assert.Equal("org_emulator", body["namespace"]!.GetValue<string>());
        Assert.Equal("2025-06-15T08:00:00Z", body["timestamp"]!.GetValue<string>());
        Assert.Equal("trace1_span1", body["idempotencyKey"]!.GetValue<string>());
        Assert.Equal(1, await client.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task Without_idempotency_key_each_event_gets_its_own_and_both_count()
    {
        await using var client = await EmulatorClient.StartAsync(WithTokenMetric());
        var body = EmulatorClient.Event("unused", "sub_1", new { total_tokens = 1 });
        body.Remove("idempotencyKey");

        using var first = await client.PostEventAsync(body);
        using var second = await client.PostEventAsync(body);

        var keys = new[] { await EmulatorClient.ReadJsonAsync(first), await EmulatorClient.ReadJsonAsync(second) }.Select(b => b["idempotencyKey"]!.GetValue<string>()).ToList();
        Assert.NotEqual(keys[0], keys[1]);
        Assert.Equal(2, await client.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task Duplicate_idempotency_key_answers_202_with_the_original_event_and_is_stored_once()
    {
        await using var client = await EmulatorClient.StartAsync(WithTokenMetric());
        using var first = await client.PostEventAsync(EmulatorClient.Event("k-dup", "sub_1", new { total_tokens = 5 }));
        using var again = await client.PostEventAsync(EmulatorClient.Event("k-dup", "sub_2", new { total_tokens = 500 }));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("X-Emulator-Duplicate").Single());
        Assert.False(first.Headers.Contains("X-Emulator-Duplicate"));
        var original = await EmulatorClient.ReadJsonAsync(first);
        var repeated = await EmulatorClient.ReadJsonAsync(again);
        Assert.Equal(original["id"]!.GetValue<string>(), repeated["id"]!.GetValue<string>());
        Assert.Equal("sub_1", repeated["subject"]!.GetValue<string>());
        Assert.Equal(1, await client.Emulator.CountStoredEventsAsync());
        Assert.Equal(new EmulatorStatistics(2, 1, 1, 0, 0), client.Emulator.Statistics);
    }

    [Theory]
    [InlineData("""{"source":"s","subject":"s","data":{}}""", "type", "required")]
    [InlineData("""{"type":"ai.inference.openai","subject":"s","data":{}}""", "source", "required")]
    [InlineData("""{"type":"ai.inference.openai","source":"s","data":{}}""", "subject", "required")]
    [InlineData("""{"type":"ai.inference.openai","source":"s","subject":"s"}""", "data", "required")]
    [InlineData("""{"type":"ai.inference.openai","source":"s","subject":"","data":{}}""", "subject", "required")]
    [InlineData("""{"type":7,"source":"s","subject":"s","data":{}}""", "type", "invalid_type")]
    [InlineData("""{"type":"ai.inference.openai","source":"s","subject":42,"data":{}}""", "subject", "invalid_type")]
    [InlineData("""{"type":"ai.inference.openai","source":"s","subject":"s","data":"tokens"}""", "data", "invalid_type")]
    [InlineData("""{"type":"ai.inference.openai","source":"s","subject":"s","data":{},"idempotencyKey":12}""", "idempotencyKey", "invalid_type")]
    [InlineData("""{"type":"ai.inference.openai","source":"s","subject":"s","data":{},"timestamp":"yesterday"}""", "timestamp", "invalid_format")]
    [InlineData("""{"type":"ai.inference.openai","source":"s","subject":"s","data":{},"timestamp":"2025-06-15T10:00:00"}""", "timestamp", "invalid_format")]
    [InlineData("""[1,2]""", "body", "invalid_type")]
    [InlineData("""{"type":""", "body", "invalid_format")]
    public async Task Malformed_event_answers_400_validation_error_naming_the_field(string json, string field, string code)
    {
        await using var client = await EmulatorClient.StartAsync(WithTokenMetric());
        using var response = await client.PostRawAsync("v0/events", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await EmulatorClient.ReadJsonAsync(response);
        Assert.Equal("validation_error", body["error"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["message"]!.GetValue<string>()));
        var error = Assert.Single(body["errors"]!.AsArray(), e => e!["field"]!.GetValue<string>() == field)!;
        Assert.Equal(code, error["code"]!.GetValue<string>());
        Assert.Equal(0, await client.Emulator.CountStoredEventsAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sk_test_")]
    [InlineData("pk_test_abc")]
    [InlineData("Basic c2tfdGVzdF9hYmM=")]
    public async Task Missing_or_malformed_key_answers_401(string key)
    {
        await using var client = await EmulatorClient.StartAsync(WithTokenMetric());
        var request = new HttpRequestMessage(HttpMethod.Post, "v0/events") { Content = new StringContent(EmulatorClient.Event("k", "s", new { total_tokens = 1 }).ToJsonString()) };
        using var bare = new HttpClient { BaseAddress = client.Emulator.BaseUri };
        if (key.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", key.StartsWith("Basic", StringComparison.Ordinal) ? key : "Bearer " + key);
        }

        using var response = await bare.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await EmulatorClient.ReadJsonAsync(response);
        Assert.Equal("unauthorized", body["error"]!.GetValue<string>());
        Assert.Equal(0, await client.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task Key_not_in_the_configured_list_answers_401()
    {
        var options = WithTokenMetric();
        options.ApiKeys.Add("sk_test_allowed");
        await using var client = await EmulatorClient.StartAsync(options);

        using var wrong = await client.PostRawAsync("v0/events", EmulatorClient.Event("k", "s", new { total_tokens = 1 }).ToJsonString(), "sk_test_other");
        using var right = await client.PostRawAsync("v0/events", EmulatorClient.Event("k", "s", new { total_tokens = 1 }).ToJsonString(), "sk_test_allowed");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, right.StatusCode);
    }

    [Theory]
    [InlineData(PaygenticEnvironment.Sandbox, "sk_live_abc123", "sandbox", "sk_test_")]
    [InlineData(PaygenticEnvironment.Live, "sk_test_abc123", "live", "sk_live_")]
    public async Task Key_of_the_other_environment_answers_403_saying_so(PaygenticEnvironment environment, string key, string environmentName, string expectedPrefix)
    {
        await using var client = await EmulatorClient.StartAsync(WithTokenMetric(environment));
        using var response = await client.PostRawAsync("v0/events", EmulatorClient.Event("k", "s", new { total_tokens = 1 }).ToJsonString(), key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await EmulatorClient.ReadJsonAsync(response);
        Assert.Equal("forbidden", body["error"]!.GetValue<string>());
        Assert.Equal("ENVIRONMENT_MISMATCH", body["code"]!.GetValue<string>());
        var message = body["message"]!.GetValue<string>();
        Assert.Contains(environmentName + " environment", message, StringComparison.Ordinal);
        Assert.Contains(expectedPrefix, message, StringComparison.Ordinal);
        Assert.Contains("PAYGENTIC_SANDBOX", message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_type_without_a_metric_answers_422_invalid_event_type()
    {
        await using var client = await EmulatorClient.StartAsync(WithTokenMetric());
        using var response = await client.PostEventAsync(EmulatorClient.Event("k", "s", new { total_tokens = 1 }, type: "inference.openai"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await EmulatorClient.ReadJsonAsync(response);
        Assert.Equal("invalid_event_type", body["error"]!.GetValue<string>());
        Assert.Equal("INVALID_EVENT_TYPE", body["code"]!.GetValue<string>());
        Assert.Contains("inference.openai", body["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await client.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task Event_type_becomes_valid_once_a_metric_routes_it()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var before = await client.PostEventAsync(EmulatorClient.Event("k", "s", new { total_tokens = 1 }));
        await client.CreateMetricAsync("COUNT", null);
        using var after = await client.PostEventAsync(EmulatorClient.Event("k", "s", new { total_tokens = 1 }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, before.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        Assert.False(after.Headers.Contains("X-Emulator-Duplicate"));
    }

    [Fact]
    public async Task Namespace_is_kept_when_given()
    {
        await using var client = await EmulatorClient.StartAsync(WithTokenMetric());
        var body = EmulatorClient.Event("k", "s", new { total_tokens = 1 });
        body["namespace"] = "org_other";
        using var response = await client.PostEventAsync(body);

        Assert.Equal("org_other", (await EmulatorClient.ReadJsonAsync(response))["namespace"]!.GetValue<string>());
    }
}
