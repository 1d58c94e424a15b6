using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monocle.Paygentic.Emulator;
using Monocle.Paygentic.Emulator.Metrics;
using Monocle.Paygentic.Tool.Metrics;

namespace Monocle.Paygentic.Tool.Tests;

/// <summary>
/// <c>monocle-paygentic metrics</c> against the in-process emulator, with the manifest the generator wrote into
/// <c>Monocle.Paygentic.Tool.Tests.Manifest.dll</c> (providers openai and anthropic).
/// </summary>
public sealed class MetricsCommandTests : IDisposable
{
    private const string OpenAI = "ai.inference.openai";
    private const string Anthropic = "ai.inference.anthropic";

    private static readonly string[] s_variables = ["PAYGENTIC_API_KEY", "PAYGENTIC_EVENT_ENDPOINT", "PAYGENTIC_SANDBOX"];

    private readonly string _work = Path.Combine(Path.GetTempPath(), "monocle-metrics-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _saved = s_variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public MetricsCommandTests()
    {
        Directory.CreateDirectory(_work);
        foreach (var variable in s_variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }

        Directory.Delete(_work, recursive: true);
    }

    private static string ManifestAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Monocle.Paygentic.Tool.Tests.Manifest.dll");
            Assert.True(File.Exists(path), $"{path} was not copied next to the tests");
            return path;
        }
    }

    [Fact]
    public async Task One_metric_present_and_one_missing_exits_4_and_the_table_says_which()
    {
        await using var emulator = await StartEmulatorAsync(OpenAI);
        var openAIMetric = Assert.Single(await ListMetricsAsync(emulator));

        var (exitCode, output, errors) = await RunAsync(emulator, Compare(emulator, ManifestAssembly));

        Assert.True(exitCode == MetricsCommand.ExitMissing, errors);
        Assert.Equal(4, MetricsCommand.ExitMissing);
        var openAIRow = Row(output, OpenAI);
        Assert.Contains("present", openAIRow, StringComparison.Ordinal);
        Assert.DoesNotContain("differs", openAIRow, StringComparison.Ordinal);
        Assert.Contains(openAIMetric["id"]!.GetValue<string>(), openAIRow, StringComparison.Ordinal);
        Assert.Contains("$.total_tokens", openAIRow, StringComparison.Ordinal);
        Assert.Contains("model=$.model_name", openAIRow, StringComparison.Ordinal);
        Assert.Contains("MISSING", Row(output, Anthropic), StringComparison.Ordinal);
        Assert.DoesNotContain("MISSING", openAIRow, StringComparison.Ordinal);
        Assert.Contains("manifest: 2 metric(s) from", errors, StringComparison.Ordinal);
        Assert.Contains("the generated Monocle.Paygentic.Tool.Tests.Manifest.MonocleBillableMetrics.Json", errors, StringComparison.Ordinal);
        Assert.Contains($"1 missing ({Anthropic})", errors, StringComparison.Ordinal);
        Assert.Contains("--create --product-id", errors, StringComparison.Ordinal);
        Assert.Single(await ListMetricsAsync(emulator));   // comparing creates nothing
    }

    [Fact]
    public async Task Create_makes_the_missing_metric_so_its_events_are_accepted_and_keeps_the_present_one()
    {
        await using var emulator = await StartEmulatorAsync(OpenAI);
        using (var refused = await PostEventAsync(emulator, Anthropic))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }

        var (exitCode, output, errors) = await RunAsync(emulator, Compare(emulator, ManifestAssembly) with { Create = true, ProductId = emulator.ProductId });

        Assert.True(exitCode == 0, errors);
        var metrics = await ListMetricsAsync(emulator);
        Assert.Equal(2, metrics.Count);
        Assert.Single(metrics, m => m["eventType"]!.GetValue<string>() == OpenAI);
        var created = Assert.Single(metrics, m => m["eventType"]!.GetValue<string>() == Anthropic);
        Assert.Equal("$.total_tokens", created["valueProperty"]!.GetValue<string>());
        Assert.Equal("$.model_name", created["groupBy"]!["model"]!.GetValue<string>());
        Assert.Single(created["groupBy"]!.AsObject());
        Assert.Equal("SUM", created["aggregation"]!.GetValue<string>());
        Assert.Equal("Anthropic tokens", created["name"]!.GetValue<string>());
        Assert.Equal("tokens", created["unit"]!.GetValue<string>());
        Assert.Equal(emulator.ProductId, created["productId"]!.GetValue<string>());
        Assert.Equal(emulator.MerchantId, created["merchantId"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();
        Assert.Contains($"created {id} 'Anthropic tokens' for {Anthropic}", errors, StringComparison.Ordinal);
        Assert.Contains("created", Row(output, Anthropic), StringComparison.Ordinal);
        Assert.Contains(id, Row(output, Anthropic), StringComparison.Ordinal);
        using (var accepted = await PostEventAsync(emulator, Anthropic))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var again = await RunAsync(emulator, Compare(emulator, ManifestAssembly) with { Create = true, ProductId = emulator.ProductId });
        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.DoesNotContain("created", again.Errors.Replace("0 created", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, (await ListMetricsAsync(emulator)).Count);
        Assert.Contains("present", Row(again.Output, Anthropic), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_of_the_account_is_read()
    {
        // Five other metrics first, so with two a page the manifest's are on the third and fourth pages.
        await using var emulator = await StartEmulatorAsync("ai.inference.a", "ai.inference.b", "ai.inference.c", "ai.inference.d", "ai.inference.e", OpenAI, Anthropic);

        var (exitCode, output, errors) = await RunAsync(emulator, Compare(emulator, ManifestAssembly) with { PageSize = 2 });

        Assert.True(exitCode == 0, errors);
        Assert.Contains("present", Row(output, OpenAI), StringComparison.Ordinal);
        Assert.Contains("present", Row(output, Anthropic), StringComparison.Ordinal);
        Assert.Contains("2 present", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_file_in_the_emulators_shape_is_read_and_says_so()
    {
        await using var emulator = await StartEmulatorAsync(OpenAI);
        var file = Path.Combine(_work, "metrics.json");
        await File.WriteAllTextAsync(file, """
            {"metrics":[{"name":"OpenAI tokens","eventType":"ai.inference.openai","aggregation":"SUM","valueProperty":"$.total_tokens","groupBy":{"model":"$.model_name"},"unit":"tokens"}]}
            """);

        var (exitCode, output, errors) = await RunAsync(emulator, Compare(emulator, file));

        Assert.True(exitCode == 0, errors);
        Assert.Contains("the emulator's --manifest shape", errors, StringComparison.Ordinal);
        Assert.Contains("manifest: 1 metric(s)", errors, StringComparison.Ordinal);
        Assert.Contains("present", Row(output, OpenAI), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_file_in_the_generators_shape_is_read_and_a_metric_that_meters_differently_is_shown()
    {
        await using var emulator = await StartEmulatorAsync(OpenAI);
        var file = Path.Combine(_work, "generated.json");
        await File.WriteAllTextAsync(file, """
            [{"name":"OpenAI tokens","description":"d","eventType":"ai.inference.openai","valueProperty":"$.tokens","groupBy":{"model":"$.model_name","region":"$.region"},"aggregation":"SUM","unit":"tokens"}]
            """);

        var (exitCode, output, errors) = await RunAsync(emulator, Compare(emulator, file));

        Assert.True(exitCode == 0, errors);   // present, though different: nothing is missing
        Assert.Contains("an array of metrics, the shape of MonocleBillableMetrics.Json", errors, StringComparison.Ordinal);
        var row = Row(output, OpenAI);
        Assert.Contains("present, differs", row, StringComparison.Ordinal);
        Assert.Contains("$.total_tokens (manifest: $.tokens)", row, StringComparison.Ordinal);
        Assert.Contains("model=$.model_name (manifest: model=$.model_name, region=$.region)", row, StringComparison.Ordinal);
        Assert.Contains("meters ai.inference.openai differently from the manifest", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_reads_the_generators_manifest_too_so_an_emulator_started_from_it_has_every_metric()
    {
        var file = Path.Combine(_work, "MonocleBillableMetrics.json");
        await File.WriteAllTextAsync(file, GeneratedJson(ManifestAssembly));
        await using var emulator = await PaygenticEmulator.StartAsync(new PaygenticEmulatorOptions { ManifestPath = file });

        var (exitCode, _, errors) = await RunAsync(emulator, Compare(emulator, ManifestAssembly));

        Assert.True(exitCode == 0, errors);
        Assert.Equal([Anthropic, OpenAI], (await ListMetricsAsync(emulator)).Select(m => m["eventType"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task A_file_that_is_not_an_assembly_gives_a_clear_error()
    {
        var file = Path.Combine(_work, "notes.dll");
        await File.WriteAllTextAsync(file, "these are notes, not a program");

        var (exitCode, output, errors) = await RunAsync(null, Compare(null, file));

        Assert.Equal(MetricsCommand.ExitInputErrors, exitCode);
        Assert.Equal($"error: '{file}' is not a .NET assembly or a manifest JSON file; give the built assembly (bin/…/YourProject.dll) or a manifest JSON file.", errors.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_assembly_without_a_manifest_gives_a_clear_error()
    {
        var toolAssembly = typeof(MetricsCommand).Assembly.Location;

        var (exitCode, _, errors) = await RunAsync(null, Compare(null, toolAssembly));

        Assert.Equal(MetricsCommand.ExitInputErrors, exitCode);
        Assert.Contains($"'{toolAssembly}' is a .NET assembly but has no billable-metric manifest (no MonocleBillableMetrics.Json constant)", errors, StringComparison.Ordinal);
        Assert.Contains("Does the project reference Monocle.Paygentic and have [BillableInference] methods?", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_and_a_manifest_that_is_not_one_give_clear_errors()
    {
        var missing = Path.Combine(_work, "bin", "App.dll");
        var (exitCode, _, errors) = await RunAsync(null, Compare(null, missing));
        Assert.Equal(MetricsCommand.ExitInputErrors, exitCode);
        Assert.Contains($"'{missing}' does not exist", errors, StringComparison.Ordinal);

        var wrongShape = Path.Combine(_work, "wrong.json");
        await File.WriteAllTextAsync(wrongShape, """{"metric":[{"eventType":"ai.inference.openai"}]}""");
        (exitCode, _, errors) = await RunAsync(null, Compare(null, wrongShape));
        Assert.Equal(MetricsCommand.ExitInputErrors, exitCode);
        Assert.Contains("is not a billable-metric manifest: expected an array of metrics", errors, StringComparison.Ordinal);

        var noEventType = Path.Combine(_work, "no-event-type.json");
        await File.WriteAllTextAsync(noEventType, """[{"name":"x"}]""");
        (exitCode, _, errors) = await RunAsync(null, Compare(null, noEventType));
        Assert.Equal(MetricsCommand.ExitInputErrors, exitCode);
        Assert.Contains("[0].eventType is required", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_is_reported_with_what_to_set_and_is_never_printed()
    {
        var options = new PaygenticEmulatorOptions();
        options.ApiKeys.Add("sk_test_theacceptedone");
        await using var emulator = await PaygenticEmulator.StartAsync(options);
        const string wrongKey = "sk_test_notthisone";

        var (exitCode, output, errors) = await RunAsync(emulator, Compare(emulator, ManifestAssembly), apiKey: wrongKey);

        Assert.Equal(MetricsCommand.ExitApiErrors, exitCode);
        Assert.Contains("Paygentic answered 401 Unauthorized when listing the billable metrics of org_emulator", errors, StringComparison.Ordinal);
        Assert.Contains("Set PAYGENTIC_API_KEY", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, errors + output, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_test_theacceptedone", errors + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_the_API_refuses_reports_its_answer_and_creates_nothing()
    {
        await using var emulator = await StartEmulatorAsync(OpenAI);

        var (exitCode, output, errors) = await RunAsync(emulator, Compare(emulator, ManifestAssembly) with { Create = true, ProductId = "widget" });

        Assert.Equal(MetricsCommand.ExitApiErrors, exitCode);
        Assert.Contains("Paygentic answered 400 Bad Request when creating the metric 'Anthropic tokens' (ai.inference.anthropic)", errors, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"productId\"", errors, StringComparison.Ordinal);
        Assert.Contains("product ids like prod_", errors, StringComparison.Ordinal);
        Assert.Contains("MISSING", Row(output, Anthropic), StringComparison.Ordinal);
        Assert.Single(await ListMetricsAsync(emulator));
    }

    [Fact]
    public async Task Create_without_a_product_and_no_API_key_are_usage_errors()
    {
        var (exitCode, _, errors) = await RunAsync(null, new MetricsSettings(ManifestAssembly, "org_x", ProductId: null, Create: true, BaseUrl: null));
        Assert.Equal(MetricsCommand.ExitInputErrors, exitCode);
        Assert.Contains("--create needs --product-id", errors, StringComparison.Ordinal);

        (exitCode, _, errors) = await RunAsync(null, new MetricsSettings(ManifestAssembly, "org_x", ProductId: null, Create: false, new Uri("http://127.0.0.1:9/")));
        Assert.Equal(MetricsCommand.ExitInputErrors, exitCode);
        Assert.Contains("PAYGENTIC_API_KEY is not set", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_finds_the_API_from_the_event_endpoint()
    {
        await using var emulator = await StartEmulatorAsync(OpenAI, Anthropic);
        Environment.SetEnvironmentVariable("PAYGENTIC_API_KEY", emulator.ApiKey);
        Environment.SetEnvironmentVariable("PAYGENTIC_EVENT_ENDPOINT", emulator.EventsUri.ToString());
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exitCode = await MetricsCommand.Create(output, errors)
            .Parse(["metrics", ManifestAssembly, "--merchant-id", emulator.MerchantId])
            .InvokeAsync();

        Assert.True(exitCode == 0, errors.ToString());
        Assert.Contains($"Paygentic: {emulator.BaseUri} (from PAYGENTIC_EVENT_ENDPOINT)", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("present", Row(output.ToString(), Anthropic), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:5080/v0/events", null, "http://127.0.0.1:5080/")]
    [InlineData(null, "https://gateway.example/paygentic/v0/events", null, "https://gateway.example/paygentic/")]
    [InlineData(null, null, "true", "https://api.sandbox.paygentic.io/")]
    [InlineData(null, null, null, "https://api.paygentic.io/")]
    [InlineData("https://api.sandbox.paygentic.io", "http://127.0.0.1:5080/v0/events", null, "https://api.sandbox.paygentic.io/")]
    public void The_API_address_is_the_option_else_the_event_endpoints_base_else_sandbox_or_live(string? baseUrl, string? endpoint, string? sandbox, string expected)
    {
        var environment = new Dictionary<string, string?> { ["PAYGENTIC_EVENT_ENDPOINT"] = endpoint, ["PAYGENTIC_SANDBOX"] = sandbox };

        var (address, _) = PaygenticApiAddress.Resolve(baseUrl is null ? null : new Uri(baseUrl), name => environment.GetValueOrDefault(name));

        Assert.Equal(expected, address.ToString());
    }

    [Fact]
    public void Plain_http_to_another_host_is_refused_since_the_key_would_travel_in_clear()
    {
        var error = Assert.Throws<ArgumentException>(() => PaygenticApiAddress.Resolve(new Uri("http://paygentic.example"), _ => null));
        Assert.Contains("plain http on a non-loopback host", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The generated <c>MonocleBillableMetrics.Json</c>, read as the compiler wrote it (a UTF-16 string constant).</summary>
    private static string GeneratedJson(string assembly)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var field = metadata.FieldDefinitions.Select(metadata.GetFieldDefinition)
            .Single(f => metadata.GetString(f.Name) == "Json" && metadata.GetString(metadata.GetTypeDefinition(f.GetDeclaringType()).Name) == "MonocleBillableMetrics");
        var blob = metadata.GetBlobReader(metadata.GetConstant(field.GetDefaultValue()).Value);
        var json = blob.ReadUTF16(blob.Length);
        Assert.StartsWith("[{", json, StringComparison.Ordinal);
        return json;
    }

    private static MetricsSettings Compare(PaygenticEmulator? emulator, string manifest) =>
        new(manifest, emulator?.MerchantId ?? "org_emulator", ProductId: null, Create: false, emulator?.BaseUri);

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(PaygenticEmulator? emulator, MetricsSettings settings, string? apiKey = null)
    {
        Environment.SetEnvironmentVariable("PAYGENTIC_API_KEY", apiKey ?? emulator?.ApiKey);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await MetricsCommand.RunAsync(settings, output, errors, CancellationToken.None);
        return (exitCode, output.ToString(), errors.ToString());
    }

    /// <summary>The table row of <paramref name="eventType"/>: exactly one line names it.</summary>
    private static string Row(string table, string eventType) =>
        Assert.Single(table.Split('\n'), line => line.Contains(eventType + " ", StringComparison.Ordinal));

    private static async Task<PaygenticEmulator> StartEmulatorAsync(params string[] eventTypes)
    {
        var options = new PaygenticEmulatorOptions();
        foreach (var eventType in eventTypes)
        {
            options.Metrics.Add(MetricDefinition.TotalTokens(eventType));
        }

        return await PaygenticEmulator.StartAsync(options);
    }

    private static HttpClient Client(PaygenticEmulator emulator)
    {
        var http = new HttpClient { BaseAddress = emulator.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);
        return http;
    }

    private static async Task<List<JsonNode>> ListMetricsAsync(PaygenticEmulator emulator)
    {
        using var http = Client(emulator);
        var list = await http.GetFromJsonAsync<JsonObject>($"v0/billableMetrics?merchantId={emulator.MerchantId}&limit=100");
        return list!["data"]!.AsArray().Select(m => m!).ToList();
    }

    private static async Task<HttpResponseMessage> PostEventAsync(PaygenticEmulator emulator, string eventType)
    {
        using var http = Client(emulator);
        var body = new JsonObject
        {
            ["type"] = eventType,
            ["source"] = "tests",
            ["subject"] = "sub_tests",
            ["idempotencyKey"] = Guid.NewGuid().ToString("N"),
            ["data"] = new JsonObject { ["total_tokens"] = 12, ["model_name"] = "claude-sonnet-4" },
        };
        return await http.PostAsJsonAsync("v0/events", body);
    }
}
