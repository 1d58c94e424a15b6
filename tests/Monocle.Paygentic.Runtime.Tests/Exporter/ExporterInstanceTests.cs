using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Runtime.Tests.Setup;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Runtime.Tests.Exporter;

/// <summary>
/// <c>AddPaygenticExporter(exporter)</c>: the application keeps the exporter it added, to read its statistics
/// and wait for delivery; and what it tells the user about a call with no subject. Runs alone (listeners
/// are process-wide: other tests' spans would be counted).
/// </summary>
[Collection(nameof(SetupTests))]
public sealed class ExporterInstanceTests : IDisposable
{
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "monocle-exporter-instance-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_spool))
        {
            Directory.Delete(_spool, recursive: true);
        }
    }

    [Fact]
    public void An_exporter_added_by_instance_bills_every_call_even_unsampled_and_counts_the_unscoped_one()
    {
        // No key: events wait in the spool and nothing is sent, so the counts are all this test sees.
        var exporter = new PaygenticExporter(new PaygenticExporterOptions
        {
            ApiKey = null,
            Endpoint = new Uri("http://127.0.0.1:9/v0/events"),
            SpoolDirectory = _spool,
        });
        var tracing = Sdk.CreateTracerProviderBuilder()
            .AddMonocle()
            .SetSampler(new AlwaysOffSampler())
            .AddPaygenticExporter(exporter)
            .Build();
        try
        {
            using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_1"))
            {
                Bill();
            }

            Bill();

            var statistics = exporter.Statistics;
            Assert.Equal(1, statistics.Spooled);
            Assert.Equal(1, statistics.Pending);
            Assert.Equal(1, statistics.Dropped["no_subject"]);
            Assert.Single(Directory.GetFiles(Path.Combine(exporter.SpoolDirectory, "pending"), "*.json"));
        }
        finally
        {
            // The event cannot be delivered without a key: do not wait for it.
            tracing.Shutdown(timeoutMilliseconds: 0);
            tracing.Dispose();
        }
    }

    private static void Bill()
    {
        var span = InferenceSpan.Start("openai", "Assistant.Ask", model: "gpt-4o");
        span.End(new InferenceUsage { PromptTokens = 10, CompletionTokens = 5 });
    }

    [Fact]
    public void The_no_subject_warning_names_the_span_and_says_what_to_do_once()
    {
        var log = new WarningLog();
        var exporter = new PaygenticExporter(
            () => new PaygenticExporterOptions { ApiKey = "sk_test_warning", Endpoint = new Uri("http://127.0.0.1:9/v0/events"), SpoolDirectory = _spool },
            log,
            handler: null);
        var tracing = Sdk.CreateTracerProviderBuilder().AddMonocle().AddPaygenticExporter(exporter).Build();
        try
        {
            var span = InferenceSpan.Start("openai", "Assistant.WarmUp", model: "gpt-4o");
            span.End(new InferenceUsage { PromptTokens = 3, CompletionTokens = 1 });
        }
        finally
        {
            tracing.Shutdown(timeoutMilliseconds: 0);
            tracing.Dispose();
        }

        var warning = Assert.Single(log.Warnings, w => w.Contains("subject", StringComparison.Ordinal));
        Assert.StartsWith("No subject resolved for span 'Assistant.WarmUp' (", warning, StringComparison.Ordinal);
        Assert.Contains("): the call is not billed. Open MonocleTrace.Scope(MonocleScopes.SubscriptionId, ...)", warning, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(warning, "subject resolved"));
        Assert.Single(Regex.Matches(warning, "MonocleTrace.Scope"));
    }

    private sealed class WarningLog : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                lock (Warnings)
                {
                    Warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
