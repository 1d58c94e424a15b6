namespace Monocle.Paygentic.Emulator.Faults;

/// <summary>One entry of the fault script: what the next <c>POST /v0/events</c> request meets.</summary>
/// <param name="Kind">What happens.</param>
public sealed record ScriptedFault(FaultKind Kind)
{
    /// <summary>The status code answered for <see cref="FaultKind.Status"/>.</summary>
    public int StatusCode { get; init; } = 503;

    /// <summary>The <c>Retry-After</c> header sent with a <see cref="FaultKind.Status"/> answer, if any (whole seconds).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Delay before the request is handled (or failed).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Answer <paramref name="statusCode"/> (e.g. 500, 502, 503).</summary>
    /// <param name="statusCode">The status code, 400–599.</param>
    /// <returns>The fault.</returns>
    public static ScriptedFault Status(int statusCode) => new(FaultKind.Status) { StatusCode = statusCode };

    /// <summary>Answer 429 with <c>Retry-After</c>.</summary>
    /// <param name="retryAfter">The delay the client is told to wait.</param>
    /// <returns>The fault.</returns>
    public static ScriptedFault TooManyRequests(TimeSpan retryAfter) => new(FaultKind.Status) { StatusCode = 429, RetryAfter = retryAfter };

    /// <summary>Abort the connection before storing.</summary>
    /// <returns>The fault.</returns>
    public static ScriptedFault Drop() => new(FaultKind.Drop);

    /// <summary>Roll the event's write back and answer 500.</summary>
    /// <returns>The fault.</returns>
    public static ScriptedFault FailStorage() => new(FaultKind.FailStorage);

    /// <summary>Store the event, then abort the connection.</summary>
    /// <returns>The fault.</returns>
    public static ScriptedFault DropAfterStore() => new(FaultKind.DropAfterStore);

    /// <summary>Handle normally after <paramref name="latency"/>.</summary>
    /// <param name="latency">The added delay.</param>
    /// <returns>The fault.</returns>
    public static ScriptedFault Delay(TimeSpan latency) => new(FaultKind.Pass) { Latency = latency };
}
