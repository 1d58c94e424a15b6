namespace Monocle.Paygentic;

/// <summary>
/// Options of the Paygentic exporter. Each unset option falls back to its environment variable, the
/// same ones Monocle's Python exporter reads; options set in code or bound from
/// <c>IConfiguration</c> (section <c>Paygentic</c>) win over the environment.
/// </summary>
public sealed class PaygenticExporterOptions
{
    /// <summary>The live API: <c>https://api.paygentic.io</c>.</summary>
    public static readonly Uri LiveBaseAddress = new("https://api.paygentic.io");

    /// <summary>The sandbox API: <c>https://api.sandbox.paygentic.io</c>.</summary>
    public static readonly Uri SandboxBaseAddress = new("https://api.sandbox.paygentic.io");

    /// <summary>
    /// The API key (<c>PAYGENTIC_API_KEY</c>): <c>sk_live_…</c> for live, <c>sk_test_…</c> for the sandbox.
    /// Without it events wait in the spool and an error says what to set. Never logged or stored.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Send to the sandbox API (<c>PAYGENTIC_SANDBOX=true</c>).</summary>
    public bool? Sandbox { get; set; }

    /// <summary>The full URL events are posted to (<c>PAYGENTIC_EVENT_ENDPOINT</c>); overrides <see cref="Sandbox"/>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The events' <c>source</c> (<c>PAYGENTIC_SOURCE</c>); <c>monocle</c> by default.</summary>
    public string? Source { get; set; }

    /// <summary>The events' <c>namespace</c> (<c>PAYGENTIC_NAMESPACE</c>); none by default.</summary>
    public string? Namespace { get; set; }

    /// <summary>The deadline of one request (<c>PAYGENTIC_TIMEOUT</c>, in seconds); 15 seconds by default.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// Allows a plain <c>http://</c> endpoint on a host other than loopback. Off by default: the API key
    /// would travel in clear text.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The folder of the write-ahead spool (<c>PAYGENTIC_SPOOL_DIRECTORY</c>); by default
    /// <c>monocle-paygentic/spool</c> under the user's local application data. Events left there at
    /// shutdown are sent by the next process that uses the same folder, endpoint and namespace.
    /// </summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>The most events the spool holds; when full, new events are dropped, counted and logged as errors. 100,000 by default.</summary>
    public int MaxSpooledEvents { get; set; } = 100_000;

    /// <summary>How long an event may wait for delivery before it is dead-lettered as expired; 7 days by default.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Whether each spooled event is flushed to the disk, not only to the operating system, before <c>Export</c> returns. On by default.</summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>How many requests are in flight at once; 4 by default.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The first retry delay of a transient failure, doubled at each attempt (with full jitter); 1 second by default.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest retry delay; 5 minutes by default.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>While the API refuses the key (401/403), how often one event is sent to probe it; 30 seconds by default.</summary>
    public TimeSpan AuthorizationProbeInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an event type the API rejected as unknown (422) is not sent again; 1 hour by default.</summary>
    public TimeSpan RejectedEventTypeSuppression { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The clock every wait goes through; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <inheritdoc/>
    public override string ToString() =>
        $"Paygentic exporter: endpoint={Endpoint?.ToString() ?? (Sandbox == true ? "sandbox" : "default")}, source={Source ?? "(default)"}, " +
        $"namespace={Namespace ?? "(none)"}, apiKey={(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "(set)")}";
}
