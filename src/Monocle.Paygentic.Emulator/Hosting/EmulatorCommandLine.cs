using System.Globalization;
using Monocle.Paygentic.Emulator.Faults;

namespace Monocle.Paygentic.Emulator.Hosting;

/// <summary>The command line of the emulator executable: arguments → <see cref="PaygenticEmulatorOptions"/>.</summary>
internal static class EmulatorCommandLine
{
    public const int DefaultPort = 5080;

    public const string Help = """
        Monocle.Paygentic.Emulator — a local Paygentic API for development and tests.

        Usage:
          dotnet run --project src/Monocle.Paygentic.Emulator -- [options]

        Options:
          --port <n>             Port on 127.0.0.1 (default 5080; 0 = any free port).
          --db <path>            SQLite database file, kept across restarts (default: in memory, lost at exit).
          --environment <env>    sandbox (accepts sk_test_ keys; default) or live (accepts sk_live_ keys).
          --api-key <key>        Accept only this key (repeatable). Default: any key of the environment.
                                 Prefer the PAYGENTIC_EMULATOR_API_KEY variable: arguments show in process lists.
          --manifest <path>      Create the billable metrics of this manifest at start:
                                 {"metrics":[{"name":"OpenAI tokens","eventType":"ai.inference.openai",
                                   "aggregation":"SUM","valueProperty":"$.total_tokens",
                                   "groupBy":{"model":"$.model_name"},"unit":"tokens"}]}
                                 or the bare array of a generated MonocleBillableMetrics.Json.
          --merchant-id <id>     Merchant of the emulated account (default org_emulator).
          --product-id <id>      Product of seeded metrics (default prod_emulator).
          --error-rate <0..1>    Share of POST /v0/events answered 503.
          --latency-ms <n>       Delay added to every POST /v0/events.
          -h, --help             Show this help.

        Then point the exporter at it:
          PAYGENTIC_EVENT_ENDPOINT=http://127.0.0.1:5080/v0/events PAYGENTIC_SANDBOX=true PAYGENTIC_API_KEY=sk_test_...
        Meters page: http://127.0.0.1:5080/    Faults: POST /_emulator/faults (see docs/emulator.md)
        """;

    /// <summary>The options, or <c>ShowHelp</c>, or an error message naming the bad argument.</summary>
    public static (PaygenticEmulatorOptions? Options, bool ShowHelp, string? Error) Parse(IReadOnlyList<string> args, string? apiKeyFromEnvironment)
    {
        var options = new PaygenticEmulatorOptions { Port = DefaultPort };
        var faults = new FaultSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help" or "-?")
            {
                return (null, true, null);
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return (null, false, name.StartsWith("--", StringComparison.Ordinal) && IsKnown(name) ? $"{name} needs a value." : $"Unknown option '{name}'.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                    options.Port = port;
                    break;
                case "--db":
                    options.DatabasePath = value;
                    break;
                case "--environment" when Enum.TryParse<PaygenticEnvironment>(value, ignoreCase: true, out var environment) && Enum.IsDefined(environment) && !int.TryParse(value, out _):
                    options.Environment = environment;
                    break;
                case "--api-key":
                    options.ApiKeys.Add(value);
                    break;
                case "--manifest":
                    options.ManifestPath = value;
                    break;
                case "--merchant-id":
                    options.MerchantId = value;
                    break;
                case "--product-id":
                    options.ProductId = value;
                    break;
                case "--error-rate" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1:
                    faults.ErrorRate = rate;
                    break;
                case "--latency-ms" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var latency):
                    faults.Latency = TimeSpan.FromMilliseconds(latency);
                    break;
                default:
                    return (null, false, IsKnown(name) ? $"Invalid value for {name}." : $"Unknown option '{name}'.");
            }
        }

        if (!string.IsNullOrEmpty(apiKeyFromEnvironment))
        {
            options.ApiKeys.Add(apiKeyFromEnvironment);
        }

        if (faults.ErrorRate > 0 || faults.Latency > TimeSpan.Zero)
        {
            options.Faults = faults;
        }

        return (options, false, null);
    }

    private static bool IsKnown(string name) => name is "--port" or "--db" or "--environment" or "--api-key" or "--manifest"
        or "--merchant-id" or "--product-id" or "--error-rate" or "--latency-ms";
}
