using Monocle.Paygentic.Emulator;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Package.Tests;

/// <summary>
/// The whole product from the package alone: a generated [BillableInference] wrapper, its usage read
/// from the result, the generated event-type constant, and events delivered to Paygentic (the emulator).
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class DeliveryTests(PackedPackage package)
{
    private const string BillingProgram = """
        using Monocle.Paygentic;

        // MonocleEventTypes is generated, in the project's root namespace, from its [BillableInference] providers.
        Console.WriteLine($"event type {Billing.MonocleEventTypes.OpenAI}");

        using (var tracing = MonocleTelemetry.Setup("package-consumer", "paygentic"))
        {
            var assistant = new Consumer.Assistant();
            await assistant.AskAsync("sub_pkg_1", "hello there");
            await assistant.AskAsync("sub_pkg_2", "how much is this");
            await assistant.AskAsync("sub_pkg_1", "one more question please");
        }   // disposing the provider waits for delivery

        Console.WriteLine("done");

        namespace Consumer
        {
            public sealed record Reply(string Text, int InputTokens, int OutputTokens)
            {
                [InferenceUsage(InferenceUsageField.PromptTokens)] public int Prompt => InputTokens;
                [InferenceUsage(InferenceUsageField.CompletionTokens)] public int Completion => OutputTokens;
            }

            public sealed partial class Assistant
            {
                [BillableInference("openai", Model = "gpt-4o-mini")]
                public partial Task<Reply> AskAsync([BillingSubject] string subscriptionId, string question);

                private async Task<Reply> AskAsyncCore(string subscriptionId, string question)
                {
                    await Task.Yield();
                    var words = question.Split(' ').Length;
                    return new Reply("ok", InputTokens: words * 10, OutputTokens: words);
                }
            }
        }
        """;

    [Fact]
    public async Task A_consumer_built_from_the_package_bills_its_calls_through_Paygentic()
    {
        var options = new PaygenticEmulatorOptions();
        options.Metrics.Add(MetricDefinition.TotalTokens("ai.inference.openai"));
        await using var emulator = await PaygenticEmulator.StartAsync(options);
        using var consumer = new ConsumerProject(package, "Billing").WithFile("Program.cs", BillingProgram);
        var spool = Path.Combine(consumer.Directory, "spool");

        var build = (await consumer.BuildAsync()).EnsureSuccess();
        var run = (await consumer.RunAsync(new Dictionary<string, string>
        {
            ["PAYGENTIC_EVENT_ENDPOINT"] = emulator.EventsUri.ToString(),
            ["PAYGENTIC_API_KEY"] = emulator.ApiKey,
            ["PAYGENTIC_SPOOL_DIRECTORY"] = spool,
        })).EnsureSuccess();

        Assert.DoesNotContain(": warning ", build.Output, StringComparison.Ordinal);
        Assert.Contains("event type ai.inference.openai", run.Output, StringComparison.Ordinal);
        Assert.Contains("done", run.Output, StringComparison.Ordinal);

        // Prompt 10 tokens a word, completion 1 a word: "hello there" 22, "how much is this" 44, "one more question please" 44.
        Assert.Equal(3, await emulator.CountStoredEventsAsync());
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        http.DefaultRequestHeaders.Authorization = new("Bearer", emulator.ApiKey);
        var metrics = await http.GetStringAsync($"v0/billableMetrics?merchantId={emulator.MerchantId}");
        var metricId = System.Text.Json.JsonDocument.Parse(metrics).RootElement.GetProperty("data")[0].GetProperty("id").GetString();
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        Assert.Equal(22 + 44, await MeterTotal(http, metricId!, "sub_pkg_1", from, to));
        Assert.Equal(44, await MeterTotal(http, metricId!, "sub_pkg_2", from, to));
    }

    private static async Task<double> MeterTotal(HttpClient http, string metricId, string subject, string from, string to)
    {
        var json = await http.GetStringAsync($"v0/billableMetrics/{metricId}/meter?subject={subject}&from={from}&to={to}");
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.GetProperty("totalValue").GetDouble();
    }
}
