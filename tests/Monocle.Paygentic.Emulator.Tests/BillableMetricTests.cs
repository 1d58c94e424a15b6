using System.Net;
using System.Text.Json.Nodes;

namespace Monocle.Paygentic.Emulator.Tests;

public sealed class BillableMetricTests
{
    [Fact]
    public async Task Create_answers_201_with_the_metric_and_get_returns_it()
    {
        await using var client = await EmulatorClient.StartAsync();
        var id = await client.CreateMetricAsync("SUM", "$.total_tokens", eventFrom: "2025-01-01T00:00:00Z");

        using var response = await client.Http.GetAsync($"v0/billableMetrics/{id}");
        var metric = await EmulatorClient.ReadJsonAsync(response);

        Assert.Matches("^bm_[a-zA-Z0-9]+$", id);
        Assert.Equal("billableMetric", metric["object"]!.GetValue<string>());
        Assert.Equal("SUM", metric["aggregation"]!.GetValue<string>());
        Assert.Equal("$.total_tokens", metric["valueProperty"]!.GetValue<string>());
        Assert.Equal("$.model_name", metric["groupBy"]!["model"]!.GetValue<string>());
        Assert.Equal(EmulatorClient.EventType, metric["eventType"]!.GetValue<string>());
        Assert.Equal("2025-01-01T00:00:00Z", metric["eventFrom"]!.GetValue<string>());
        Assert.Equal("org_emulator", metric["merchantId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("name", null, "required")]
    [InlineData("aggregation", "TOTAL", "invalid_format")]
    [InlineData("merchantId", "merchant1", "invalid_format")]
    [InlineData("valueProperty", "total_tokens", "invalid_format")]
    [InlineData("valueProperty", "$..total", "invalid_format")]
    [InlineData("valueProperty", null, "required")]
    [InlineData("groupBy", "bad", "invalid_type")]
    public async Task Invalid_metric_answers_400(string field, string? value, string code)
    {
        await using var client = await EmulatorClient.StartAsync();
        var body = new JsonObject
        {
            ["name"] = "m", ["description"] = "d", ["unit"] = "tokens", ["merchantId"] = "org_a", ["productId"] = "prod_a",
            ["aggregation"] = "SUM", ["eventType"] = "ai.x", ["valueProperty"] = "$.total_tokens",
        };
        body.Remove(field);
        if (value is not null)
        {
            body[field] = value;
        }

        using var response = await client.PostRawAsync("v0/billableMetrics", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await EmulatorClient.ReadJsonAsync(response))["errors"]!.AsArray())!;
        Assert.Equal(field, error["field"]!.GetValue<string>());
        Assert.Equal(code, error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_group_by_path_names_the_dimension()
    {
        await using var client = await EmulatorClient.StartAsync();
        var body = new JsonObject
        {
            ["name"] = "m", ["description"] = "d", ["unit"] = "calls", ["merchantId"] = "org_a", ["productId"] = "prod_a",
            ["aggregation"] = "COUNT", ["groupBy"] = new JsonObject { ["model"] = "model_name" },
        };
        using var response = await client.PostRawAsync("v0/billableMetrics", body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("groupBy.model", (await EmulatorClient.ReadJsonAsync(response))["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_filters_by_merchant_and_product_and_pages()
    {
        await using var client = await EmulatorClient.StartAsync();
        foreach (var (merchant, product) in new[] { ("org_a", "prod_1"), ("org_a", "prod_2"), ("org_a", "prod_1"), ("org_b", "prod_1") })
        {
            var body = new JsonObject { ["name"] = $"{merchant}-{product}", ["description"] = "", ["unit"] = "calls", ["merchantId"] = merchant, ["productId"] = product, ["aggregation"] = "COUNT" };
            using var created = await client.PostRawAsync("v0/billableMetrics", body.ToJsonString());
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var page = await client.Http.GetAsync("v0/billableMetrics?merchantId=org_a&limit=2&offset=1");
        var list = await EmulatorClient.ReadJsonAsync(page);
        Assert.Equal("list", list["object"]!.GetValue<string>());
        Assert.Equal(["org_a-prod_2", "org_a-prod_1"], list["data"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
        Assert.Equal(3, list["pagination"]!["total"]!.GetValue<long>());
        Assert.Equal(2, list["pagination"]!["limit"]!.GetValue<int>());
        Assert.Equal(1, list["pagination"]!["offset"]!.GetValue<int>());

        using var byProduct = await client.Http.GetAsync("v0/billableMetrics?merchantId=org_a&productId=prod_1");
        Assert.Equal(2, (await EmulatorClient.ReadJsonAsync(byProduct))["pagination"]!["total"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("v0/billableMetrics", HttpStatusCode.BadRequest)]
    [InlineData("v0/billableMetrics?merchantId=org_a&limit=101", HttpStatusCode.BadRequest)]
    [InlineData("v0/billableMetrics/bm_nothere", HttpStatusCode.NotFound)]
    public async Task Bad_list_or_unknown_id(string path, HttpStatusCode expected)
    {
        await using var client = await EmulatorClient.StartAsync();
        using var response = await client.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Metric_routes_need_a_key_of_the_environment()
    {
        await using var client = await EmulatorClient.StartAsync();
        using var bare = new HttpClient { BaseAddress = client.Emulator.BaseUri };
        using var none = await bare.GetAsync("v0/billableMetrics?merchantId=org_emulator");
        using var live = new HttpRequestMessage(HttpMethod.Get, "v0/billableMetrics?merchantId=org_emulator");
        live.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sk_live_x");
        using var forbidden = await bare.SendAsync(live);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
