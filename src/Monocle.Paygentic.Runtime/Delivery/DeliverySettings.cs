using System.Globalization;
using System.Net;

namespace Monocle.Paygentic.Delivery;

/// <summary>
/// The exporter options resolved against the environment and checked: what the sender acts on.
/// </summary>
internal sealed class DeliverySettings
{
    public const string DefaultSource = "monocle";

    private DeliverySettings(PaygenticExporterOptions options, Func<string, string?> environment)
    {
        ApiKey = NotEmpty(options.ApiKey) ?? NotEmpty(environment("PAYGENTIC_API_KEY"));
        Source = NotEmpty(options.Source) ?? NotEmpty(environment("PAYGENTIC_SOURCE")) ?? DefaultSource;
        Namespace = NotEmpty(options.Namespace) ?? NotEmpty(environment("PAYGENTIC_NAMESPACE"));
        SandboxRequested = options.Sandbox ?? ParseBoolean(environment, "PAYGENTIC_SANDBOX") ?? false;
        var allowInsecureHttp = options.AllowInsecureHttp || ParseBoolean(environment, "PAYGENTIC_ALLOW_INSECURE_HTTP") == true;
        Timeout = options.Timeout ?? ParseSeconds(environment, "PAYGENTIC_TIMEOUT") ?? TimeSpan.FromSeconds(15);
        SpoolDirectory = NotEmpty(options.SpoolDirectory) ?? NotEmpty(environment("PAYGENTIC_SPOOL_DIRECTORY"))
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create) is { Length: > 0 } appData
                ? appData
                : Path.GetTempPath(), "monocle-paygentic", "spool");

        var endpoint = options.Endpoint?.ToString() ?? NotEmpty(environment("PAYGENTIC_EVENT_ENDPOINT"));
        Endpoint = endpoint is null
            ? new Uri(SandboxRequested ? PaygenticExporterOptions.SandboxBaseAddress : PaygenticExporterOptions.LiveBaseAddress, "/v0/events")
            : Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri
                : throw new InvalidOperationException(
                    $"The Paygentic event endpoint '{endpoint}' is not an absolute http(s) URL; set PAYGENTIC_EVENT_ENDPOINT (or PaygenticExporterOptions.Endpoint) to e.g. https://api.paygentic.io/v0/events.");

        if (Endpoint.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !IsLoopback(Endpoint))
        {
            throw new InvalidOperationException(
                $"The Paygentic event endpoint {Endpoint} is plain http on a non-loopback host, so the API key would travel in clear text; " +
                "use https, or, if this network is trusted, set PAYGENTIC_ALLOW_INSECURE_HTTP=true (or PaygenticExporterOptions.AllowInsecureHttp = true).");
        }

        if (options.MaxSpooledEvents < 1 || options.MaxConcurrency < 1 || Timeout <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("PaygenticExporterOptions: MaxSpooledEvents, MaxConcurrency and Timeout must be positive.");
        }

        Options = options;
        ConfigurationError = CheckKey();
    }

    public PaygenticExporterOptions Options { get; }

    public string? ApiKey { get; }

    public string Source { get; }

    public string? Namespace { get; }

    public bool SandboxRequested { get; }

    public Uri Endpoint { get; }

    public TimeSpan Timeout { get; }

    public string SpoolDirectory { get; }

    /// <summary>Why nothing can be sent now (events keep waiting in the spool), or <see langword="null"/>.</summary>
    public string? ConfigurationError { get; }

    public static DeliverySettings Resolve(PaygenticExporterOptions options, Func<string, string?>? environment = null) =>
        new(options, environment ?? Environment.GetEnvironmentVariable);

    private string? CheckKey()
    {
        if (ApiKey is null)
        {
            return "No Paygentic API key is set: events are kept in the spool and sent once it is. " +
                "Set PAYGENTIC_API_KEY (or PaygenticExporterOptions.ApiKey).";
        }

        var host = Endpoint.Host;
        if (ApiKey.StartsWith("sk_test_", StringComparison.Ordinal) && host.Equals(PaygenticExporterOptions.LiveBaseAddress.Host, StringComparison.OrdinalIgnoreCase))
        {
            return "The Paygentic API key is a sandbox key (sk_test_) but events go to the live API: events are kept in the spool. " +
                "Set PAYGENTIC_SANDBOX=true (or PaygenticExporterOptions.Sandbox = true), or use an sk_live_ key.";
        }

        if (ApiKey.StartsWith("sk_live_", StringComparison.Ordinal)
            && (SandboxRequested || host.Equals(PaygenticExporterOptions.SandboxBaseAddress.Host, StringComparison.OrdinalIgnoreCase)))
        {
            return "The Paygentic API key is a live key (sk_live_) but events go to the sandbox API: events are kept in the spool. " +
                "Unset PAYGENTIC_SANDBOX (or set PaygenticExporterOptions.Sandbox = false), or use an sk_test_ key.";
        }

        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static string? NotEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // A variable that is set but does not parse is an error, never a silent default.
    private static TimeSpan? ParseSeconds(Func<string, string?> environment, string name)
    {
        if (NotEmpty(environment(name)) is not { } value)
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= int.MaxValue / 1000
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{name}='{value}' is not a number of seconds greater than 0; set e.g. {name}=15, or unset it for the default.");
    }

    private static bool? ParseBoolean(Func<string, string?> environment, string name) =>
        NotEmpty(environment(name)) switch
        {
            null => null,
            { } value when value.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            { } value when value.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            { } value => throw new InvalidOperationException($"{name}='{value}' is neither true nor false; set {name}=true or {name}=false, or unset it."),
        };
}
