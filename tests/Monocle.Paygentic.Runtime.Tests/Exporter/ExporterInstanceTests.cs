using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Runtime.Tests.Setup;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Runtime.Tests.Exporter;

/// <summary>
/// <c>AddPaygenticExporter(exporter)</c>: the application keeps the exporter it added, to read its statistics
/// and wait for delivery. Runs alone (listeners are process-wide: other tests' spans would be counted).
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
}
