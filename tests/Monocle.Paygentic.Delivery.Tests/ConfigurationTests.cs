using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monocle.Paygentic.Delivery.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Delivery.Tests;

public sealed class ConfigurationTests
{
    private static readonly Func<string, string?> s_noEnvironment = _ => null;

    [Fact]
    public void A_missing_key_is_an_error_naming_PAYGENTIC_API_KEY()
    {
        var settings = DeliverySettings.Resolve(new PaygenticExporterOptions(), s_noEnvironment);
        Assert.Contains("Set PAYGENTIC_API_KEY", settings.ConfigurationError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sandbox_key_against_live_says_to_set_PAYGENTIC_SANDBOX_true()
    {
        var settings = DeliverySettings.Resolve(new PaygenticExporterOptions { ApiKey = "sk_test_abc" }, s_noEnvironment);
        Assert.Equal(new Uri("https://api.paygentic.io/v0/events"), settings.Endpoint);
        Assert.Contains("Set PAYGENTIC_SANDBOX=true", settings.ConfigurationError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_live_key_against_the_sandbox_says_to_unset_PAYGENTIC_SANDBOX()
    {
        var settings = DeliverySettings.Resolve(new PaygenticExporterOptions { ApiKey = "sk_live_abc" }, Environment(("PAYGENTIC_SANDBOX", "true")));
        Assert.Equal(new Uri("https://api.sandbox.paygentic.io/v0/events"), settings.Endpoint);
        Assert.Contains("Unset PAYGENTIC_SANDBOX", settings.ConfigurationError, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_keys_and_an_endpoint_override_are_no_error()
    {
        Assert.Null(DeliverySettings.Resolve(new PaygenticExporterOptions { ApiKey = "sk_test_abc", Sandbox = true }, s_noEnvironment).ConfigurationError);
        var overridden = DeliverySettings.Resolve(new PaygenticExporterOptions { ApiKey = "sk_live_abc" }, Environment(("PAYGENTIC_EVENT_ENDPOINT", "http://127.0.0.1:9/v0/events"), ("PAYGENTIC_TIMEOUT", "2.5")));
        Assert.Null(overridden.ConfigurationError);
        Assert.Equal(new Uri("http://127.0.0.1:9/v0/events"), overridden.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(2.5), overridden.Timeout);
    }

    [Fact]
    public void A_live_key_with_PAYGENTIC_SANDBOX_true_is_an_error_whatever_the_endpoint()
    {
        var settings = DeliverySettings.Resolve(
            new PaygenticExporterOptions { ApiKey = "sk_live_abc" },
            Environment(("PAYGENTIC_SANDBOX", "true"), ("PAYGENTIC_EVENT_ENDPOINT", "http://127.0.0.1:9/v0/events")));
        Assert.Contains("Unset PAYGENTIC_SANDBOX", settings.ConfigurationError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PAYGENTIC_TIMEOUT", "abc", "is not a number of seconds")]
    [InlineData("PAYGENTIC_TIMEOUT", "-5", "is not a number of seconds")]
    [InlineData("PAYGENTIC_SANDBOX", "maybe", "is neither true nor false")]
    [InlineData("PAYGENTIC_ALLOW_INSECURE_HTTP", "yes please", "is neither true nor false")]
    [InlineData("PAYGENTIC_EVENT_ENDPOINT", "not-a-url", "is not an absolute http(s) URL")]
    public void A_variable_that_does_not_parse_is_an_error_naming_it(string name, string value, string says)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            DeliverySettings.Resolve(new PaygenticExporterOptions { ApiKey = "sk_test_abc" }, Environment((name, value))));
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Contains(name == "PAYGENTIC_EVENT_ENDPOINT" ? value : $"{name}='{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PAYGENTIC_ALLOW_INSECURE_HTTP_allows_plain_http_to_a_trusted_host()
    {
        var settings = DeliverySettings.Resolve(
            new PaygenticExporterOptions { ApiKey = "sk_live_abc" },
            Environment(("PAYGENTIC_EVENT_ENDPOINT", "http://billing.internal/v0/events"), ("PAYGENTIC_ALLOW_INSECURE_HTTP", "true")));
        Assert.Equal(new Uri("http://billing.internal/v0/events"), settings.Endpoint);
    }

    [Fact]
    public void Plain_http_to_a_remote_host_throws_at_start_unless_allowed()
    {
        var options = new PaygenticExporterOptions { ApiKey = "sk_live_abc", Endpoint = new Uri("http://billing.example.com/v0/events"), SpoolDirectory = Path.GetTempPath() };
        var error = Assert.Throws<InvalidOperationException>(() => new PaygenticExporter(options));
        Assert.Contains("AllowInsecureHttp", error.Message, StringComparison.Ordinal);

        options.AllowInsecureHttp = true;
        Assert.Equal(options.Endpoint, DeliverySettings.Resolve(options, s_noEnvironment).Endpoint);
    }

    [Fact]
    public async Task Without_a_key_events_stay_spooled_with_an_error_and_go_once_the_key_is_set()
    {
        await using var harness = await DeliveryHarness.StartAsync(o => o.ApiKey = null);
        BillableCalls.Call("sub_nokey", 1, 1);
        await FakeClock.AdvanceAsync(harness.Time, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));
        await FakeClock.SettleAsync();

        Assert.Equal((1, 0L), (harness.PendingFiles, harness.Emulator.Statistics.Requests));
        Assert.Contains(harness.Errors, e => e.Contains("Set PAYGENTIC_API_KEY", StringComparison.Ordinal));

        harness.Options.ApiKey = harness.Emulator.ApiKey;
        await harness.UntilDeliveredAsync();
        Assert.Equal(1, await harness.Emulator.CountStoredEventsAsync());
    }

    [Fact]
    public async Task A_sandbox_key_against_live_keeps_events_spooled_and_sends_nothing()
    {
        await using var harness = await DeliveryHarness.StartAsync(o => (o.Endpoint, o.ApiKey) = (null, "sk_test_abc"));
        BillableCalls.Call("sub_mismatch", 1, 1);
        await FakeClock.AdvanceAsync(harness.Time, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1));

        Assert.Equal(1, harness.PendingFiles);
        Assert.Equal((1L, 0L), (harness.Exporter.Statistics.Spooled, harness.Exporter.Statistics.Sent));
        Assert.Contains(harness.Errors, e => e.Contains("PAYGENTIC_SANDBOX=true", StringComparison.Ordinal));
    }

    [Fact]
    public void With_no_logger_errors_go_to_standard_error()
    {
        var previous = Console.Error;
        var stderr = new StringWriter();
        var folder = Path.Combine(Path.GetTempPath(), "monocle-delivery-" + Guid.NewGuid().ToString("N"));
        Console.SetError(stderr);
        try
        {
            using var exporter = new PaygenticExporter(new PaygenticExporterOptions { Endpoint = new Uri("http://127.0.0.1:9/v0/events"), SpoolDirectory = folder });
        }
        finally
        {
            Console.SetError(previous);
            Directory.Delete(folder, recursive: true);
        }

        Assert.Contains("Monocle.Paygentic error: No Paygentic API key is set", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_overrides_configuration_which_overrides_the_environment()
    {
        var previous = System.Environment.GetEnvironmentVariable("PAYGENTIC_SOURCE");
        System.Environment.SetEnvironmentVariable("PAYGENTIC_SOURCE", "from-env");
        try
        {
            Assert.Equal("from-env", await DeliveredSourceAsync(configured: null, inCode: null));
            Assert.Equal("from-config", await DeliveredSourceAsync(configured: "from-config", inCode: null));
            Assert.Equal("from-code", await DeliveredSourceAsync(configured: "from-config", inCode: "from-code"));
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("PAYGENTIC_SOURCE", previous);
        }
    }

    private static async Task<string> DeliveredSourceAsync(string? configured, string? inCode)
    {
        await using var harness = await DeliveryHarness.StartAsync(startExporter: false);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(configured is null ? [] : new Dictionary<string, string?> { ["Paygentic:Source"] = configured })
            .Build();
        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureServices(s => s.AddSingleton<IConfiguration>(configuration))
            .AddMonocle()
            .AddPaygenticExporter(o =>
            {
                (o.ApiKey, o.Endpoint, o.SpoolDirectory, o.FlushToDisk) = (harness.Emulator.ApiKey, harness.Emulator.EventsUri, harness.SpoolRoot, false);
                o.Source = inCode ?? o.Source;
            })
            .Build())
        {
            BillableCalls.Call("sub_precedence", 1, 1);
        }   // real clock here: shutdown waits for delivery

        var stored = Assert.Single(await EmulatorEvents.ListAsync(harness.Emulator, harness.MetricId));
        return stored.GetProperty("source").GetString()!;
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
