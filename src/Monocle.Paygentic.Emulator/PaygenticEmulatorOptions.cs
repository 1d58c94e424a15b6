using Monocle.Paygentic.Emulator.Faults;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Emulator;

/// <summary>How a <see cref="PaygenticEmulator"/> starts.</summary>
public sealed class PaygenticEmulatorOptions
{
    /// <summary>The loopback port to listen on; 0 (the default) takes a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// The SQLite database file; created when missing, kept across restarts (events, dedupe state
    /// and metrics). <see langword="null"/> (the default) uses a private in-memory database.
    /// </summary>
    public string? DatabasePath { get; set; }

    /// <summary>The environment the emulator plays; its keys are accepted, the other's answered 403.</summary>
    public PaygenticEnvironment Environment { get; set; } = PaygenticEnvironment.Sandbox;

    /// <summary>
    /// The keys accepted. Empty (the default): any well-formed key of <see cref="Environment"/>
    /// (<c>sk_test_…</c> or <c>sk_live_…</c>).
    /// </summary>
    public IList<string> ApiKeys { get; } = [];

    /// <summary>The merchant (organization) the emulator's account is; the default namespace of events and owner of seeded metrics.</summary>
    public string MerchantId { get; set; } = "org_emulator";

    /// <summary>The product seeded metrics belong to.</summary>
    public string ProductId { get; set; } = "prod_emulator";

    /// <summary>Metrics to create at start (skipped when one of the same name and event type exists).</summary>
    public IList<MetricDefinition> Metrics { get; } = [];

    /// <summary>A metric manifest file (<see cref="MetricManifest"/>) whose metrics are created at start.</summary>
    public string? ManifestPath { get; set; }

    /// <summary>Random faults in force from the start; none by default.</summary>
    public FaultSettings? Faults { get; set; }

    /// <summary>The clock for server timestamps and added latency.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Configures logging. By default an embedded emulator logs nothing (tests stay quiet);
    /// the command line adds the console.
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 0 (any free port) or 1–65535.");
        }

        if (!MetricCatalog.OrganizationId().IsMatch(MerchantId))
        {
            throw new ArgumentException($"MerchantId '{MerchantId}' must match ^org_[a-zA-Z0-9]+$.", nameof(MerchantId));
        }

        var expected = Api.ApiKeyAuthenticator.PrefixOf(Environment);
        var wrong = ApiKeys.FirstOrDefault(k => !k.StartsWith(expected, StringComparison.Ordinal) || k.Length == expected.Length);
        if (wrong is not null)
        {
            // Name the position, never the key.
            throw new ArgumentException($"ApiKeys[{ApiKeys.IndexOf(wrong)}] is not a {Environment.ToString().ToLowerInvariant()} key: it must start with {expected}.", nameof(ApiKeys));
        }

        Faults?.Validate();
    }
}
