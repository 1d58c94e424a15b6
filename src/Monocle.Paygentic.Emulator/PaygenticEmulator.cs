using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Monocle.Paygentic.Emulator.Api;
using Monocle.Paygentic.Emulator.Faults;
using Monocle.Paygentic.Emulator.Hosting;
using Monocle.Paygentic.Emulator.Metrics;
using Monocle.Paygentic.Emulator.Storage;

namespace Monocle.Paygentic.Emulator;

/// <summary>
/// A local Paygentic: <c>/v0/events</c>, billable metrics, meter queries, fault injection and a
/// Meters page, on 127.0.0.1, backed by SQLite. Start one in-process with <see cref="StartAsync"/>
/// and dispose it to stop it.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await PaygenticEmulator.StartAsync(new PaygenticEmulatorOptions
/// {
///     Metrics = { MetricDefinition.TotalTokens("ai.inference.openai") },
/// });
/// // Send events to emulator.EventsUri with "Authorization: Bearer " + emulator.ApiKey.
/// </code>
/// </example>
public sealed class PaygenticEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorContext _context;
    private int _disposed;

    private PaygenticEmulator(WebApplication app, EmulatorContext context, Uri baseUri, string apiKey)
    {
        _app = app;
        _context = context;
        BaseUri = baseUri;
        ApiKey = apiKey;
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The ingest endpoint, <c>{BaseUri}v0/events</c> (what <c>PAYGENTIC_EVENT_ENDPOINT</c> should point at).</summary>
    public Uri EventsUri => new(BaseUri, "v0/events");

    /// <summary>The environment this emulator plays.</summary>
    public PaygenticEnvironment Environment => _context.Environment;

    /// <summary>A key this emulator accepts: the first configured one, else a made-up key of its environment.</summary>
    public string ApiKey { get; }

    /// <summary>The emulator's merchant id (default event namespace, owner of seeded metrics).</summary>
    public string MerchantId => _context.MerchantId;

    /// <summary>The emulator's product id (product of seeded metrics).</summary>
    public string ProductId => _context.ProductId;

    /// <summary>Fault injection for <c>POST /v0/events</c>; also reachable at <c>/_emulator/faults</c>.</summary>
    public FaultInjector Faults => _context.Faults;

    /// <summary>Counters of the event requests seen since start.</summary>
    public EmulatorStatistics Statistics => _context.Counters.Snapshot();

    /// <summary>Starts an emulator and returns once it accepts requests.</summary>
    /// <param name="options">How to start; defaults: sandbox, free port, in-memory database.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is invalid; the message says which.</exception>
    /// <exception cref="FormatException">The manifest is not valid.</exception>
    /// <exception cref="IOException">The port is taken or the database cannot be opened.</exception>
    public static async Task<PaygenticEmulator> StartAsync(PaygenticEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PaygenticEmulatorOptions();
        options.Validate();

        var definitions = options.Metrics.ToList();
        if (options.ManifestPath is not null)
        {
            definitions.AddRange(await MetricManifest.LoadAsync(options.ManifestPath, cancellationToken).ConfigureAwait(false));
        }

        var store = await EmulatorStore.OpenAsync(options.DatabasePath, cancellationToken).ConfigureAwait(false);
        WebApplication? app = null;
        try
        {
            var time = options.TimeProvider;
            await MetricCatalog.SeedAsync(store, options.MerchantId, options.ProductId, definitions, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);

            EmulatorContext? context = null;
            app = EmulatorApplication.Build(options, logger => context = new EmulatorContext(
                store,
                new FaultInjector(options.Faults),
                new EmulatorCounters(),
                new ApiKeyAuthenticator(options.Environment, [.. options.ApiKeys], logger),
                options.Environment,
                options.MerchantId,
                options.ProductId,
                time,
                logger));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var apiKey = options.ApiKeys.FirstOrDefault() ?? ApiKeyAuthenticator.PrefixOf(options.Environment) + "emulator";
            return new PaygenticEmulator(app, context!, new Uri(address.TrimEnd('/') + "/"), apiKey);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates billable metrics for the emulator's merchant and product; existing ones (same name and event type) are kept.</summary>
    /// <param name="definitions">The metrics, e.g. from <see cref="MetricManifest.LoadAsync"/> or <see cref="MetricDefinition.TotalTokens"/>.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The metric ids, in the order of <paramref name="definitions"/>.</returns>
    /// <exception cref="ArgumentException">A definition is invalid; the message names it.</exception>
    public Task<IReadOnlyList<string>> CreateMetricsAsync(IEnumerable<MetricDefinition> definitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return MetricCatalog.SeedAsync(_context.Store, MerchantId, ProductId, definitions, _context.Time.GetUtcNow(), cancellationToken);
    }

    /// <summary>How many events are stored (each idempotency key once).</summary>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The number of stored events.</returns>
    public Task<long> CountStoredEventsAsync(CancellationToken cancellationToken = default) =>
        _context.Store.CountEventsAsync(cancellationToken);

    /// <summary>Completes when the emulator stops (on <paramref name="cancellationToken"/> or host shutdown).</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes at shutdown.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops listening, finishes in-flight requests, and closes the database.</summary>
    /// <returns>A task that completes when everything is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            await _context.Store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
