using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Monocle.Paygentic.Delivery;
using Monocle.Paygentic.Export;
using OpenTelemetry;

namespace Monocle.Paygentic;

/// <summary>
/// The OpenTelemetry exporter that bills inference spans through Paygentic. <see cref="Export"/>
/// converts each billable span to a usage event and appends it to an on-disk spool before it returns
/// (a crash afterwards loses nothing); a background sender delivers the spool to <c>POST /v0/events</c>,
/// retrying with the same idempotency key, so nothing is lost and nothing is billed twice.
/// </summary>
/// <remarks>Add it with <c>AddPaygenticExporter()</c>, which also makes billing independent of trace sampling.</remarks>
public sealed class PaygenticExporter : BaseExporter<Activity>
{
    private readonly Func<PaygenticExporterOptions> _options;
    private readonly DeliverySettings _initial;
    private readonly PaygenticEventConverter _converter;
    private readonly EventSpool _spool;
    private readonly EventSender _sender;
    private readonly DeliveryLog _log;
    private readonly DeliveryCounters _counters = new();
    private readonly TimeProvider _time;
    private int _shutdown;

    /// <summary>Creates an exporter with fixed options (and the environment for what they leave unset).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="InvalidOperationException">The endpoint or a limit is invalid; the message says what to set.</exception>
    public PaygenticExporter(PaygenticExporterOptions options)
        : this(() => options, logger: null, handler: null)
    {
        ArgumentNullException.ThrowIfNull(options);
    }

    internal PaygenticExporter(Func<PaygenticExporterOptions> options, ILogger? logger, HttpMessageHandler? handler)
    {
        _options = options;
        var current = options();
        _time = current.TimeProvider;
        _initial = DeliverySettings.Resolve(current);
        _log = new DeliveryLog(logger, logger is null ? Console.Error : null, _time);
        _converter = new PaygenticEventConverter(new PaygenticEventConverterOptions { Source = _initial.Source, Namespace = _initial.Namespace });
        _spool = new EventSpool(_initial.SpoolDirectory, _initial.Endpoint, _initial.Namespace, current.MaxSpooledEvents, current.FlushToDisk, _time);
        _sender = new EventSender(_spool, CurrentSettings, handler ?? NewHandler(), _log, _counters, _time);

        if (_initial.ConfigurationError is { } error)
        {
            // Same topic as the sender's reminder, so the error is not printed twice in a row.
            _log.Limited(LogLevel.Error, "configuration", TimeSpan.FromMinutes(5), error);
        }

        if (_spool.Count > 0)
        {
            _log.Information($"{_spool.Count} event(s) left in the spool by an earlier run are being delivered.");
        }

        _sender.Start();
    }

    /// <summary>The endpoint events are posted to.</summary>
    public Uri Endpoint => _initial.Endpoint;

    /// <summary>The conversion from spans to events this exporter uses (its source and namespace); replays use it too.</summary>
    public PaygenticEventConverter Converter => _converter;

    /// <summary>The spool folder of this exporter's endpoint and namespace.</summary>
    public string SpoolDirectory => _spool.Directory;

    /// <summary>
    /// Why nothing can be sent now (no API key, or a key of the other environment), saying what to set;
    /// <see langword="null"/> when delivery can go ahead. Events are kept in the spool meanwhile.
    /// </summary>
    public string? ConfigurationError => CurrentSettings().ConfigurationError;

    /// <summary>What the exporter has done so far.</summary>
    public PaygenticExporterStatistics Statistics => _counters.Snapshot(_spool.Count);

    /// <summary>Converts the batch's billable spans and spools their events durably. Never throws.</summary>
    /// <param name="batch">The finished spans.</param>
    /// <returns><see cref="ExportResult.Success"/>, or <see cref="ExportResult.Failure"/> after shutdown or when an event could not be spooled.</returns>
    public override ExportResult Export(in Batch<Activity> batch)
    {
        var result = ExportResult.Success;
        foreach (var activity in batch)
        {
            if (!ExportSpan(activity))
            {
                result = ExportResult.Failure;
            }
        }

        return result;
    }

    /// <summary>
    /// Spools an event made elsewhere (a trace file replay, for instance) for delivery on the same path
    /// as live spans. An event already waiting with the same idempotency key is not spooled twice.
    /// </summary>
    /// <param name="paygenticEvent">The event.</param>
    /// <returns><see langword="false"/> when it could not be spooled (the spool is full, or the exporter is shut down).</returns>
    public bool Enqueue(PaygenticEvent paygenticEvent)
    {
        ArgumentNullException.ThrowIfNull(paygenticEvent);
        return Spool(paygenticEvent);
    }

    /// <summary>Waits until every spooled event is delivered or dead-lettered.</summary>
    /// <param name="cancellationToken">Stops waiting (the events stay spooled).</param>
    /// <returns>A task that completes when the spool is empty.</returns>
    public Task WaitForDeliveryAsync(CancellationToken cancellationToken = default) => _sender.WaitForDeliveryAsync(cancellationToken);

    /// <summary>The options changed (a reload): the sender looks at them now, so a corrected key resumes delivery at once.</summary>
    internal void OptionsChanged() => _sender.Wake();

    internal bool ExportSpan(Activity activity)
    {
        if (Volatile.Read(ref _shutdown) != 0)
        {
            return false;
        }

        try
        {
            var conversion = _converter.Convert(activity);
            switch (conversion.SkipReason)
            {
                case PaygenticSkipReason.None:
                    return Spool(conversion.Event!);
                case PaygenticSkipReason.NoSubject:
                    _counters.Dropped("no_subject");
                    _log.Limited(LogLevel.Warning, "no-subject", TimeSpan.FromMinutes(1),
                        $"No subject resolved for span '{conversion.SpanName}' ({conversion.IdempotencyKey}): the call is not billed. " +
                        "Open MonocleTrace.Scope(MonocleScopes.SubscriptionId, ...) or a [BillingSubject] around the call (build warning MPG0001 points at such calls).");
                    return true;
                case PaygenticSkipReason.NoEventType:
                    _counters.Dropped("no_event_type");
                    _log.Limited(LogLevel.Warning, "no-event-type", TimeSpan.FromMinutes(1), conversion.ToString());
                    return true;
                default:
                    return true;   // not billable, or the same span again
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _counters.Dropped("export_error");
            _log.Error($"A span could not be converted to a Paygentic event: {e.Message}");
            return false;
        }
    }

    /// <inheritdoc/>
    protected override bool OnForceFlush(int timeoutMilliseconds) => true;   // every exported event is already on disk

    /// <inheritdoc/>
    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        if (Interlocked.Exchange(ref _shutdown, 1) != 0)
        {
            return true;
        }

        var delivered = true;
        try
        {
            using var deadline = timeoutMilliseconds == Timeout.Infinite
                ? new CancellationTokenSource()
                : new CancellationTokenSource(TimeSpan.FromMilliseconds(timeoutMilliseconds), _time);
            _sender.WaitForDeliveryAsync(deadline.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            delivered = false;
            _log.Warning($"{_spool.Count} event(s) were not delivered before shutdown; they stay in {_spool.Directory} and are sent by the next run.");
        }

        _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return delivered;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (Volatile.Read(ref _shutdown) == 0)
            {
                Interlocked.Exchange(ref _shutdown, 1);
                _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            _counters.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Spool(PaygenticEvent paygenticEvent)
    {
        var body = paygenticEvent.ToUtf8Json();
        switch (_spool.Append(paygenticEvent.IdempotencyKey, body))
        {
            case AppendResult.Appended:
                _counters.Spooled();
                _sender.Wake();
                return true;
            case AppendResult.Duplicate:
                return true;
            default:
                _counters.Dropped("spool_full");
                _log.Limited(LogLevel.Error, "spool-full", TimeSpan.FromMinutes(1),
                    $"The Paygentic spool holds its maximum of {_options().MaxSpooledEvents} events (is Paygentic reachable?): new events are dropped. " +
                    $"Raise PaygenticExporterOptions.MaxSpooledEvents or fix delivery; see {_spool.Directory}.");
                return false;
        }
    }

    // Key and timeout may change (options reload); the endpoint and namespace define the spool partition and stay.
    private DeliverySettings CurrentSettings()
    {
        try
        {
            var current = DeliverySettings.Resolve(_options());
            if (current.Endpoint == _initial.Endpoint && current.Namespace == _initial.Namespace)
            {
                return current;
            }

            _log.Limited(LogLevel.Error, "endpoint-changed", TimeSpan.FromMinutes(5),
                "The Paygentic endpoint or namespace changed in the options; restart the application to use it. Events still go to " + _initial.Endpoint);
        }
        catch (InvalidOperationException e)
        {
            _log.Limited(LogLevel.Error, "options-invalid", TimeSpan.FromMinutes(5), e.Message);
        }

        return _initial;
    }

    private static SocketsHttpHandler NewHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.All,
    };
}
