using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Monocle.Paygentic.Delivery;

/// <summary>
/// The background sender: delivers spooled events to Paygentic with bounded concurrency, retries
/// transient failures with backoff, pauses on a refused key, suppresses rejected event types, and
/// removes an event from the spool only once it is delivered or dead-lettered. It never runs on the
/// thread that exports, and every wait goes through the <see cref="TimeProvider"/>.
/// </summary>
internal sealed class EventSender : IAsyncDisposable
{
    private const int MaxResponseLength = 4096;
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    private readonly EventSpool _spool;
    private readonly Func<DeliverySettings> _settings;
    private readonly HttpClient _http;
    private readonly DeliveryLog _log;
    private readonly DeliveryCounters _counters;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();

    // Loop-only state: no lock needed.
    private readonly Queue<string> _queue = new();
    private readonly Dictionary<string, RetryState> _retries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _suppressedTypes = new(StringComparer.Ordinal);
    private DateTimeOffset? _authorizationPausedUntil;
    private string? _lastApiKey;
    private DateTimeOffset _lastRetentionCheck = DateTimeOffset.MinValue;

    private TaskCompletionSource _progress = NewProgress();
    private Task? _loop;

    public EventSender(EventSpool spool, Func<DeliverySettings> settings, HttpMessageHandler handler, DeliveryLog log, DeliveryCounters counters, TimeProvider time)
    {
        _spool = spool;
        _settings = settings;
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _log = log;
        _counters = counters;
        _time = time;
    }

    public void Start() => _loop ??= Task.Run(RunAsync);

    /// <summary>Something changed: new events, or new settings.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Completes once the spool is empty.</summary>
    public async Task WaitForDeliveryAsync(CancellationToken cancellationToken)
    {
        while (_spool.Count > 0)
        {
            var progress = Volatile.Read(ref _progress).Task;
            if (_spool.Count == 0)
            {
                break;
            }

            Wake();
            await progress.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _http.Dispose();
        _stopping.Dispose();
        _wake.Dispose();
    }

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The spool folder became unreadable: keep trying, never lose what is there.
                _log.Limited(LogLevel.Error, "spool-io", TimeSpan.FromMinutes(5), $"The Paygentic spool could not be read ({e.Message}); retrying.");
                await WaitAsync(TimeSpan.FromSeconds(30), stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken stopping)
    {
        var settings = _settings();
        var now = _time.GetUtcNow();
        EnforceRetention(settings, now);

        if (!string.Equals(settings.ApiKey, _lastApiKey, StringComparison.Ordinal))
        {
            _lastApiKey = settings.ApiKey;
            _authorizationPausedUntil = null;   // a corrected key resumes at once
        }

        if (settings.ConfigurationError is { } error)
        {
            if (_spool.Count > 0)
            {
                _log.Limited(LogLevel.Error, "configuration", TimeSpan.FromMinutes(5), error);
            }

            await WaitAsync(TimeSpan.FromMinutes(1), stopping).ConfigureAwait(false);
            return;
        }

        if (_authorizationPausedUntil is { } pausedUntil && now < pausedUntil)
        {
            await WaitAsync(pausedUntil - now, stopping).ConfigureAwait(false);
            return;
        }

        var batch = NextBatch(settings, now, _authorizationPausedUntil is null ? settings.Options.MaxConcurrency : 1);
        if (batch.Count == 0)
        {
            SignalProgress();
            await WaitAsync(NextRetryDelay(now), stopping).ConfigureAwait(false);
            return;
        }

        var outcomes = await Task.WhenAll(batch.Select(e => SendAsync(e, settings, stopping))).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            Apply(batch[i], outcomes[i], settings);
        }

        SignalProgress();
    }

    private List<SpooledEvent> NextBatch(DeliverySettings settings, DateTimeOffset now, int size)
    {
        if (_queue.Count == 0)
        {
            foreach (var name in _spool.ListPending())
            {
                if (!_retries.TryGetValue(name, out var retry) || retry.NotBefore <= now)
                {
                    _queue.Enqueue(name);
                }
            }
        }

        var batch = new List<SpooledEvent>(size);
        while (batch.Count < size && _queue.TryDequeue(out var name))
        {
            if (_retries.TryGetValue(name, out var retry) && retry.NotBefore > now)
            {
                continue;
            }

            if (_spool.Read(name) is not { } spooled)
            {
                _retries.Remove(name);
                continue;
            }

            if (_suppressedTypes.TryGetValue(spooled.EventType, out var until))
            {
                if (now < until)
                {
                    DeadLetter(spooled, RejectedTypeReason(spooled.EventType), statusCode: 422, response: null);
                    continue;
                }

                _suppressedTypes.Remove(spooled.EventType);
                _log.Information($"The suppression of event type '{spooled.EventType}' has ended; its events are sent again.");
            }

            batch.Add(spooled);
        }

        return batch;
    }

    private async Task<DeliveryOutcome> SendAsync(SpooledEvent spooled, DeliverySettings settings, CancellationToken stopping)
    {
        using var deadline = new CancellationTokenSource(settings.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, stopping);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint)
        {
            Content = new ByteArrayContent(spooled.Body) { Headers = { ContentType = s_json } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);

        // Our own posts are not traced: they would be spans about exporting spans.
        using var suppress = SuppressInstrumentationScope.Begin();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var body = await ReadLimitedAsync(response.Content, linked.Token).ConfigureAwait(false);
            return DeliveryOutcome.From(response.StatusCode, body, response.Headers.RetryAfter, _time.GetUtcNow());
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return DeliveryOutcome.Failure($"no answer within {settings.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return DeliveryOutcome.Failure($"network error: {e.Message}");
        }
    }

    private void Apply(SpooledEvent spooled, DeliveryOutcome outcome, DeliverySettings settings)
    {
        var now = _time.GetUtcNow();
        switch (outcome.Action)
        {
            case DeliveryAction.Delivered:
                _spool.Remove(spooled);
                _retries.Remove(spooled.FileName);
                _counters.Sent();
                if (_authorizationPausedUntil is not null)
                {
                    _authorizationPausedUntil = null;
                    _log.Information("Paygentic accepts the API key again; delivery resumed.");
                }

                break;

            case DeliveryAction.Retry:
                var attempts = _retries.TryGetValue(spooled.FileName, out var previous) ? previous.Attempts + 1 : 1;
                var delay = outcome.RetryAfter ?? Backoff(settings.Options, attempts);
                _retries[spooled.FileName] = new RetryState(attempts, now + delay);
                _counters.Retried();
                _log.Limited(LogLevel.Warning, "retry", TimeSpan.FromMinutes(1),
                    $"Paygentic delivery failed ({Describe(outcome)}); the event stays in the spool and is retried in {delay.TotalSeconds:0.#} s (attempt {attempts}).");
                break;

            case DeliveryAction.PauseForAuthorization:
                _authorizationPausedUntil = now + settings.Options.AuthorizationProbeInterval;
                _log.Limited(LogLevel.Error, "authorization", TimeSpan.FromMinutes(5),
                    $"Paygentic refused the API key ({outcome.StatusCode}): sending is paused and events are kept in the spool; " +
                    $"one event probes every {settings.Options.AuthorizationProbeInterval.TotalSeconds:0} s. Check PAYGENTIC_API_KEY; a corrected key resumes delivery at once.");
                break;

            case DeliveryAction.RejectEventType:
                if (_suppressedTypes.TryAdd(spooled.EventType, now + settings.Options.RejectedEventTypeSuppression))
                {
                    _log.Warning(
                        $"Paygentic rejected event type '{spooled.EventType}' (422 invalid_event_type): no billable metric has this eventType. " +
                        $"For the next {settings.Options.RejectedEventTypeSuppression.TotalMinutes:0} minutes this type is not sent: its events are dead-lettered in {_spool.Directory}/dead " +
                        "(send them again with 'monocle-paygentic requeue <that folder>' once the metric exists). " +
                        $"Create a billable metric with eventType '{spooled.EventType}'.");
                }

                _counters.Rejected();
                DeadLetter(spooled, RejectedTypeReason(spooled.EventType), outcome.StatusCode, outcome.Response);
                break;

            default:
                _log.Limited(LogLevel.Error, "dead-letter-" + outcome.StatusCode, TimeSpan.FromMinutes(1),
                    $"Paygentic refused an event of type '{spooled.EventType}' ({Describe(outcome)}); it is dead-lettered in {_spool.Directory}.");
                DeadLetter(spooled, $"Paygentic answered {outcome.StatusCode}.", outcome.StatusCode, outcome.Response);
                break;
        }
    }

    private void DeadLetter(SpooledEvent spooled, string reason, int? statusCode, string? response)
    {
        _spool.DeadLetter(spooled, reason, statusCode, response);
        _retries.Remove(spooled.FileName);
        _counters.DeadLettered();
    }

    private void EnforceRetention(DeliverySettings settings, DateTimeOffset now)
    {
        if (now - _lastRetentionCheck < TimeSpan.FromHours(1))
        {
            return;
        }

        _lastRetentionCheck = now;
        var expired = _spool.EnforceRetention(settings.Options.Retention);
        for (var i = 0; i < expired; i++)
        {
            _counters.DeadLettered();
        }

        if (expired > 0)
        {
            _log.Error($"{expired} event(s) were not delivered within the retention period ({settings.Options.Retention}) and were dead-lettered in {_spool.Directory}.");
        }
    }

    private TimeSpan NextRetryDelay(DateTimeOffset now)
    {
        var next = DateTimeOffset.MaxValue;
        foreach (var retry in _retries.Values)
        {
            if (retry.NotBefore < next)
            {
                next = retry.NotBefore;
            }
        }

        return next == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : (next > now ? next - now : TimeSpan.Zero);
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken stopping)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var delayed = delay == Timeout.InfiniteTimeSpan
            ? Task.Delay(Timeout.InfiniteTimeSpan, done.Token)
            : Task.Delay(delay, _time, done.Token);
        await Task.WhenAny(_wake.WaitAsync(done.Token), delayed).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        stopping.ThrowIfCancellationRequested();
    }

    private void SignalProgress() => Interlocked.Exchange(ref _progress, NewProgress()).TrySetResult();

    // Exponential backoff with full jitter: a uniformly random delay up to the doubled cap.
    private static TimeSpan Backoff(PaygenticExporterOptions options, int attempts)
    {
        var cap = Math.Min(options.MaxRetryDelay.TotalMilliseconds, options.InitialRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 30)));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
#pragma warning restore CA5394
    }

    private static async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return text.Length <= MaxResponseLength ? text : text[..MaxResponseLength];
    }

    private static string Describe(DeliveryOutcome outcome) =>
        outcome.StatusCode is { } status ? $"HTTP {status}: {outcome.Response}" : outcome.Response ?? "no answer";

    private static string RejectedTypeReason(string eventType) =>
        $"Paygentic rejected event type '{eventType}' (invalid_event_type): create a billable metric with this eventType, then send it again with 'monocle-paygentic requeue'.";

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly record struct RetryState(int Attempts, DateTimeOffset NotBefore);
}
