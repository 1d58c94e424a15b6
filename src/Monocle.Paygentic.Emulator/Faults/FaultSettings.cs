namespace Monocle.Paygentic.Emulator.Faults;

/// <summary>
/// Random faults applied to <c>POST /v0/events</c> requests that no scripted fault claims.
/// Rates are probabilities in [0, 1]; drop, error and 429 are exclusive and their rates add up.
/// </summary>
public sealed class FaultSettings
{
    /// <summary>Share of requests answered with <see cref="ErrorStatusCode"/>.</summary>
    public double ErrorRate { get; set; }

    /// <summary>The 5xx status of a random error; 503 by default.</summary>
    public int ErrorStatusCode { get; set; } = 503;

    /// <summary>Share of requests answered 429 with <c>Retry-After</c> = <see cref="RetryAfter"/>.</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>The <c>Retry-After</c> of a random 429; one second by default.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of requests whose connection is aborted before anything is stored.</summary>
    public double DropRate { get; set; }

    /// <summary>Delay added to every request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Seed of the random draws, for reproducible runs; unseeded when null.</summary>
    public int? Seed { get; set; }

    /// <summary>A copy, so later changes to this instance do not reach a running emulator.</summary>
    /// <returns>The copy.</returns>
    public FaultSettings Clone() => (FaultSettings)MemberwiseClone();

    internal void Validate()
    {
        foreach (var (name, rate) in new[] { (nameof(ErrorRate), ErrorRate), (nameof(TooManyRequestsRate), TooManyRequestsRate), (nameof(DropRate), DropRate) })
        {
            if (double.IsNaN(rate) || rate < 0 || rate > 1)
            {
                throw new ArgumentOutOfRangeException(name, rate, $"{name} must be between 0 and 1.");
            }
        }

        if (ErrorRate + TooManyRequestsRate + DropRate > 1)
        {
            throw new ArgumentException("ErrorRate + TooManyRequestsRate + DropRate must not exceed 1.");
        }

        if (ErrorStatusCode is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorStatusCode), ErrorStatusCode, "ErrorStatusCode must be a 5xx status.");
        }

        if (RetryAfter < TimeSpan.Zero || Latency < TimeSpan.Zero)
        {
            throw new ArgumentException("RetryAfter and Latency must not be negative.");
        }
    }
}
