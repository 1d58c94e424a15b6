using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Monocle.Paygentic.Emulator;
using Monocle.Paygentic.Emulator.Metrics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Delivery.Tests.Support;

/// <summary>
/// One test's world: a loopback emulator, a fake clock, a private spool folder, and a
/// <see cref="PaygenticExporter"/> fed by a tracer provider with Monocle's spans, as
/// <c>AddPaygenticExporter</c> wires it.
/// </summary>
internal sealed class DeliveryHarness : IAsyncDisposable
{
    public const string OpenAiType = "ai.inference.openai";
    public static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private TracerProvider? _tracing;

    private DeliveryHarness(PaygenticEmulator emulator, string metricId, string spoolRoot)
    {
        Emulator = emulator;
        MetricId = metricId;
        SpoolRoot = spoolRoot;
    }

    /// <summary>Starts at the real "now" so that spool files (stamped by the real clock) and the fake clock agree.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public PaygenticEmulator Emulator { get; }

    public string MetricId { get; }

    public string SpoolRoot { get; }

    public CapturingLogger Log { get; } = new();

    /// <summary>The options the exporter reads on every loop; change them to play an options reload.</summary>
    public PaygenticExporterOptions Options { get; private set; } = null!;

    public PaygenticExporter Exporter { get; private set; } = null!;

    public string PendingFolder => Path.Combine(Exporter.SpoolDirectory, "pending");

    public string DeadFolder => Path.Combine(Exporter.SpoolDirectory, "dead");

    public static async Task<DeliveryHarness> StartAsync(Action<PaygenticExporterOptions>? configure = null, Action<PaygenticEmulatorOptions>? emulatorOptions = null, bool startExporter = true)
    {
        var options = new PaygenticEmulatorOptions();
        emulatorOptions?.Invoke(options);
        var emulator = await PaygenticEmulator.StartAsync(options);
        var ids = await emulator.CreateMetricsAsync([MetricDefinition.TotalTokens(OpenAiType)]);
        var harness = new DeliveryHarness(emulator, ids[0], Path.Combine(Path.GetTempPath(), "monocle-delivery-" + Guid.NewGuid().ToString("N")));
        if (startExporter)
        {
            harness.StartExporter(configure);
        }

        return harness;
    }

    public PaygenticExporterOptions NewOptions(Action<PaygenticExporterOptions>? configure = null)
    {
        var options = new PaygenticExporterOptions
        {
            ApiKey = Emulator.ApiKey,
            Endpoint = Emulator.EventsUri,
            SpoolDirectory = SpoolRoot,
            TimeProvider = Time,
            FlushToDisk = false,                     // durability is the crash test's subject; here it only costs time
            Timeout = TimeSpan.FromHours(1),         // advancing the clock must not time out a request still in flight
            InitialRetryDelay = Second,
            MaxRetryDelay = TimeSpan.FromSeconds(8),
        };
        configure?.Invoke(options);
        return options;
    }

    public void StartExporter(Action<PaygenticExporterOptions>? configure = null)
    {
        Options = NewOptions(configure);
        Exporter = new PaygenticExporter(() => Options, Log, handler: null);
        _tracing = Sdk.CreateTracerProviderBuilder()
            .AddMonocle()
            .AddProcessor(new PaygenticBillingProcessor(Exporter))
            .Build();
    }

    public int PendingFiles => Directory.Exists(PendingFolder) ? Directory.GetFiles(PendingFolder, "*.json").Length : 0;

    public Task UntilDeliveredAsync() =>
        FakeClock.AdvanceUntilAsync(Time, () => Exporter.Statistics.Pending == 0, Second, "the spool is empty");

    public IEnumerable<string> Errors => Log.At(LogLevel.Error);

    public IEnumerable<string> Warnings => Log.At(LogLevel.Warning);

    /// <summary>Shuts the exporter down; its shutdown deadline is on the fake clock, so the clock moves until it returns.</summary>
    public async Task StopExporterAsync()
    {
        if (_tracing is { } tracing)
        {
            _tracing = null;
            var stopping = Task.Run(tracing.Dispose);
            await FakeClock.AdvanceUntilAsync(Time, () => stopping.IsCompleted, Second, "the exporter shut down");
            await stopping;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopExporterAsync();
        await Emulator.DisposeAsync();
        if (Directory.Exists(SpoolRoot))
        {
            Directory.Delete(SpoolRoot, recursive: true);
        }
    }
}
