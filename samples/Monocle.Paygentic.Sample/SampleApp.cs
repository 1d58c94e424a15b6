using System.ClientModel;
using Microsoft.Extensions.AI;
using Monocle.Paygentic.Emulator;
using Monocle.Paygentic.Sample.FakeOpenAI;
using Monocle.Paygentic.Sample.Meters;
using OpenAI;
using OpenAI.Chat;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Sample;

/// <summary>
/// The sample service, wired: OpenAI clients (to the fake server unless <c>OPENAI_BASE_URL</c>/<c>OPENAI_API_KEY</c>
/// say otherwise), tracing with the Paygentic exporter (to the embedded emulator unless
/// <c>PAYGENTIC_EVENT_ENDPOINT</c>/<c>PAYGENTIC_API_KEY</c> say otherwise), and the support desk.
/// Start it, run the workload, read the meters, dispose it.
/// </summary>
internal sealed class SampleApp : IAsyncDisposable
{
    public const string WorkflowName = "support-desk";
    public const string ChatModel = "gpt-4o-mini";
    public const string AgentModel = "gpt-4.1-mini";

    private const string LocalOpenAIKey = "sk-local-fake-openai";

    private readonly SampleSettings _settings;
    private readonly TracerProvider _tracing;
    private readonly HttpClient _http = new();
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    private SampleApp(SampleSettings settings, FakeOpenAIServer? fakeOpenAI, Uri openAIBaseUrl, PaygenticEmulator? emulator, SampleMetrics? metrics,
        PaygenticExporter exporter, TracerProvider tracing, string? spoolRoot, SupportDesk desk)
    {
        _settings = settings;
        FakeOpenAI = fakeOpenAI;
        OpenAIBaseUrl = openAIBaseUrl;
        Emulator = emulator;
        Metrics = metrics;
        Exporter = exporter;
        _tracing = tracing;
        SpoolRoot = spoolRoot;
        Desk = desk;
    }

    /// <summary>The fake OpenAI server, when the sample started one (its <see cref="FakeOpenAIServer.Issued"/> is the ground truth).</summary>
    public FakeOpenAIServer? FakeOpenAI { get; }

    /// <summary>The OpenAI-compatible server the calls go to.</summary>
    public Uri OpenAIBaseUrl { get; }

    /// <summary>The embedded Paygentic emulator, when the sample started one.</summary>
    public PaygenticEmulator? Emulator { get; }

    /// <summary>The embedded emulator's metric ids.</summary>
    public SampleMetrics? Metrics { get; }

    /// <summary>The exporter: where events go, and its statistics.</summary>
    public PaygenticExporter Exporter { get; }

    /// <summary>This run's own spool folder when offline (so runs never share spool state); <see langword="null"/> (the exporter's default) against an external Paygentic.</summary>
    public string? SpoolRoot { get; }

    /// <summary>The service.</summary>
    public SupportDesk Desk { get; }

    public static async Task<SampleApp> StartAsync(SampleSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        FakeOpenAIServer? fakeOpenAI = null;
        PaygenticEmulator? emulator = null;
        try
        {
            if (!settings.UsesExternalOpenAI)
            {
                fakeOpenAI = await FakeOpenAIServer.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            SampleMetrics? metrics = null;
            if (!settings.UsesExternalPaygentic)
            {
                emulator = await PaygenticEmulator.StartAsync(new PaygenticEmulatorOptions(), cancellationToken).ConfigureAwait(false);
                metrics = SampleMetrics.FromIds(await emulator.CreateMetricsAsync(SampleMetrics.Definitions(), cancellationToken).ConfigureAwait(false));
            }

            // Offline, each run's emulator is new, so its events belong to this run only. Against an external
            // Paygentic the spool is the usual one (PAYGENTIC_SPOOL_DIRECTORY, else the default): what one run
            // leaves there, the next one delivers.
            var spoolRoot = settings.UsesExternalPaygentic
                ? settings.PaygenticSpoolDirectory
                : Path.Combine(Path.GetTempPath(), "monocle-paygentic-sample", Guid.NewGuid().ToString("N"));
            var exporter = new PaygenticExporter(new PaygenticExporterOptions
            {
                // Unset values (external mode without them) fall back to PAYGENTIC_* in the exporter itself.
                Endpoint = emulator?.EventsUri ?? settings.PaygenticEventEndpoint,
                ApiKey = emulator?.ApiKey ?? settings.PaygenticApiKey,
                SpoolDirectory = spoolRoot,
            });
            var tracing = Sdk.CreateTracerProviderBuilder()
                .AddMonocle(monocle => monocle.WorkflowName = WorkflowName)
                .AddPaygenticExporter(exporter)
                .Build();

            var openAIBaseUrl = fakeOpenAI?.BaseUrl ?? settings.OpenAIBaseUrl ?? SampleSettings.OpenAIDefaultBaseUrl;
            var credential = new ApiKeyCredential(settings.OpenAIApiKey ?? LocalOpenAIKey);
            var clientOptions = new OpenAIClientOptions { Endpoint = openAIBaseUrl };
            var assistant = new Assistant(
                new ChatClient(ChatModel, credential, clientOptions),
                new ChatClient(AgentModel, credential, clientOptions).AsIChatClient());

            return new SampleApp(settings, fakeOpenAI, openAIBaseUrl, emulator, metrics, exporter, tracing, spoolRoot, new SupportDesk(assistant));
        }
        catch
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            if (fakeOpenAI is not null)
            {
                await fakeOpenAI.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Runs the workload, then waits (up to the settings' timeout) until its events are delivered.</summary>
    /// <returns>Whether everything was delivered, and the exporter's statistics then.</returns>
    public async Task<WorkloadResult> RunWorkloadAsync(CancellationToken cancellationToken = default)
    {
        await Workload.RunAsync(Desk, cancellationToken).ConfigureAwait(false);

        // Every event is in the spool once its call has returned; delivery happens in the background.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_settings.DeliveryTimeout);
        var delivered = true;
        try
        {
            await Exporter.WaitForDeliveryAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            delivered = false;
        }

        return new WorkloadResult(delivered, Exporter.Statistics);
    }

    /// <summary>Reads the embedded emulator's meters over its HTTP API, per subject and model.</summary>
    /// <exception cref="InvalidOperationException">No emulator was started (events went to an external endpoint).</exception>
    public Task<IReadOnlyList<MeterRow>> ReadMetersAsync(CancellationToken cancellationToken = default)
    {
        if (Emulator is null || Metrics is null)
        {
            throw new InvalidOperationException("Events went to PAYGENTIC_EVENT_ENDPOINT: read the meters there.");
        }

        var reader = new MeterReader(_http, Emulator.BaseUri, Emulator.ApiKey);
        return reader.ReadAsync(Metrics, Workload.Subjects, _started.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Delivery was awaited already; do not let an unreachable endpoint hold the exit for long.
        _tracing.Shutdown(timeoutMilliseconds: 2000);
        var (pending, deadLettered) = (Exporter.Statistics.Pending, Exporter.Statistics.DeadLettered);
        _tracing.Dispose();
        _http.Dispose();
        if (FakeOpenAI is not null)
        {
            await FakeOpenAI.DisposeAsync().ConfigureAwait(false);
        }

        if (Emulator is not null)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }

        // An offline run's spool is its own: nothing in it can be sent later, except dead letters, which are
        // kept (with the folder named) so they can be requeued.
        if (!_settings.UsesExternalPaygentic && SpoolRoot is not null && Directory.Exists(SpoolRoot) && pending == 0 && deadLettered == 0)
        {
            Directory.Delete(SpoolRoot, recursive: true);
        }
    }
}
