using Microsoft.Extensions.Logging;
using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Runtime.Tests.Setup;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Runtime.Tests.Exporter;

/// <summary>The warning a user reads when a call has no billing subject: one sentence per fact, the span named once.</summary>
[Collection(nameof(SetupTests))]
public sealed class NoSubjectWarningTests : IDisposable
{
    private readonly string _spool = Path.Combine(Path.GetTempPath(), "monocle-no-subject-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_spool))
        {
            Directory.Delete(_spool, recursive: true);
        }
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
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(warning, "subject resolved"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(warning, "MonocleTrace.Scope"));
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
