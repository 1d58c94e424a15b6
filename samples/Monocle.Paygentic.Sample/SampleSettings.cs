namespace Monocle.Paygentic.Sample;

/// <summary>
/// Where the sample's LLM calls and usage events go. Unset (the default): everything runs in-process, offline.
/// </summary>
internal sealed record SampleSettings
{
    /// <summary>The OpenAI API used when only a key is given.</summary>
    public static readonly Uri OpenAIDefaultBaseUrl = new("https://api.openai.com/v1");

    /// <summary>An OpenAI-compatible server (<c>OPENAI_BASE_URL</c>); with it (or a key) no fake server is started.</summary>
    public Uri? OpenAIBaseUrl { get; init; }

    /// <summary>Its key (<c>OPENAI_API_KEY</c>).</summary>
    public string? OpenAIApiKey { get; init; }

    /// <summary>Where usage events go (<c>PAYGENTIC_EVENT_ENDPOINT</c>); with it (or a key) no emulator is started.</summary>
    public Uri? PaygenticEventEndpoint { get; init; }

    /// <summary>Its key (<c>PAYGENTIC_API_KEY</c>).</summary>
    public string? PaygenticApiKey { get; init; }

    /// <summary>PAYGENTIC_SPOOL_DIRECTORY: the spool against an external Paygentic (default: the exporter's).</summary>
    public string? PaygenticSpoolDirectory { get; init; }

    /// <summary>How long the run waits for its events to be delivered before it reports what is still pending.</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a real (or separately run) OpenAI-compatible server is used instead of the fake one.</summary>
    public bool UsesExternalOpenAI => OpenAIBaseUrl is not null || !string.IsNullOrEmpty(OpenAIApiKey);

    /// <summary>Whether events go to Paygentic (or a separately run emulator) instead of an embedded emulator.</summary>
    public bool UsesExternalPaygentic => PaygenticEventEndpoint is not null || !string.IsNullOrEmpty(PaygenticApiKey);

    /// <summary>Reads the settings from environment variables (or from <paramref name="read"/>, a variable lookup).</summary>
    /// <param name="read">Looks a variable up; <see cref="Environment.GetEnvironmentVariable(string)"/> by default.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="FormatException">A URL variable does not hold an absolute http(s) URL.</exception>
    public static SampleSettings FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        return new SampleSettings
        {
            OpenAIBaseUrl = Url(read, "OPENAI_BASE_URL"),
            OpenAIApiKey = NotEmpty(read("OPENAI_API_KEY")),
            PaygenticEventEndpoint = Url(read, "PAYGENTIC_EVENT_ENDPOINT"),
            PaygenticApiKey = NotEmpty(read("PAYGENTIC_API_KEY")),
            PaygenticSpoolDirectory = NotEmpty(read("PAYGENTIC_SPOOL_DIRECTORY")),
        };
    }

    private static Uri? Url(Func<string, string?> read, string name)
    {
        var text = NotEmpty(read(name));
        if (text is null)
        {
            return null;
        }

        // "localhost:8080" parses as an absolute URI of scheme "localhost": ask for http(s) explicitly.
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new FormatException($"{name} must be an absolute http(s) URL, such as http://127.0.0.1:8080/v1.");
    }

    private static string? NotEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
