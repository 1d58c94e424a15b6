namespace Monocle.Paygentic.Emulator.Faults;

/// <summary>
/// Decides what each <c>POST /v0/events</c> request meets: first the scripted queue (in order),
/// then the random <see cref="FaultSettings"/>. Thread-safe; change it while the emulator runs,
/// from code or through <c>POST /_emulator/faults</c>.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly Queue<ScriptedFault> _script = new();
    private FaultSettings _settings = new();
    private Random _random = Random.Shared;

    internal FaultInjector(FaultSettings? initial)
    {
        if (initial is not null)
        {
            Configure(initial);
        }
    }

    /// <summary>A copy of the random-fault settings in force.</summary>
    public FaultSettings Settings
    {
        get
        {
            lock (_lock)
            {
                return _settings.Clone();
            }
        }
    }

    /// <summary>The scripted faults not yet consumed, next first.</summary>
    public IReadOnlyList<ScriptedFault> PendingScript
    {
        get
        {
            lock (_lock)
            {
                return [.. _script];
            }
        }
    }

    /// <summary>Replaces the random-fault settings (the script is kept).</summary>
    /// <param name="settings">The new settings; copied.</param>
    /// <exception cref="ArgumentException">A rate is outside [0, 1], the rates add up to more than 1, or a status is not 5xx.</exception>
    public void Configure(FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        lock (_lock)
        {
            _settings = settings.Clone();
            _random = settings.Seed is { } seed ? new Random(seed) : Random.Shared;
        }
    }

    /// <summary>Appends <paramref name="fault"/> to the script <paramref name="count"/> times.</summary>
    /// <param name="fault">What the next request(s) meet.</param>
    /// <param name="count">How many consecutive requests meet it.</param>
    /// <example>"The next three requests answer 503": <c>faults.Enqueue(ScriptedFault.Status(503), 3)</c>.</example>
    public void Enqueue(ScriptedFault fault, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (fault.Kind == FaultKind.Status && fault.StatusCode is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(fault), fault.StatusCode, "A scripted status must be 4xx or 5xx.");
        }

        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _script.Enqueue(fault);
            }
        }
    }

    /// <summary>Clears the script and switches random faults off.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _script.Clear();
            _settings = new FaultSettings();
            _random = Random.Shared;
        }
    }

    /// <summary>Consumes the decision for one request.</summary>
    internal ScriptedFault Next()
    {
        lock (_lock)
        {
            if (_script.TryDequeue(out var scripted))
            {
                return scripted;
            }

            var settings = _settings;
            var draw = _random.NextDouble();
            var fault = draw < settings.DropRate ? ScriptedFault.Drop()
                : draw < settings.DropRate + settings.ErrorRate ? ScriptedFault.Status(settings.ErrorStatusCode)
                : draw < settings.DropRate + settings.ErrorRate + settings.TooManyRequestsRate ? ScriptedFault.TooManyRequests(settings.RetryAfter)
                : new ScriptedFault(FaultKind.Pass);
            return fault with { Latency = settings.Latency };
        }
    }
}
