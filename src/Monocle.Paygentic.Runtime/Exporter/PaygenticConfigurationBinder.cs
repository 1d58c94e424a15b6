using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Monocle.Paygentic.Delivery;

/// <summary>
/// Binds <see cref="PaygenticExporterOptions"/> from a configuration section by hand: trimming- and
/// AOT-safe, and a value that does not parse is an error naming the key, not a silent default.
/// </summary>
internal static class PaygenticConfigurationBinder
{
    public static void Bind(IConfigurationSection section, PaygenticExporterOptions options)
    {
        if (section[nameof(options.ApiKey)] is { Length: > 0 } apiKey)
        {
            options.ApiKey = apiKey;
        }

        options.Sandbox = Parse(section, nameof(options.Sandbox), bool.Parse) ?? options.Sandbox;
        if (section[nameof(options.Endpoint)] is { Length: > 0 } endpoint)
        {
            options.Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                ? uri
                : throw Invalid(section, nameof(options.Endpoint), endpoint, "an absolute URL");
        }

        options.Source = section[nameof(options.Source)] ?? options.Source;
        options.Namespace = section[nameof(options.Namespace)] ?? options.Namespace;
        options.SpoolDirectory = section[nameof(options.SpoolDirectory)] ?? options.SpoolDirectory;
        options.Timeout = Parse(section, nameof(options.Timeout), ParseTimeSpan) ?? options.Timeout;
        options.AllowInsecureHttp = Parse(section, nameof(options.AllowInsecureHttp), bool.Parse) ?? options.AllowInsecureHttp;
        options.FlushToDisk = Parse(section, nameof(options.FlushToDisk), bool.Parse) ?? options.FlushToDisk;
        options.MaxSpooledEvents = Parse(section, nameof(options.MaxSpooledEvents), ParseInt) ?? options.MaxSpooledEvents;
        options.MaxConcurrency = Parse(section, nameof(options.MaxConcurrency), ParseInt) ?? options.MaxConcurrency;
        options.Retention = Parse(section, nameof(options.Retention), ParseTimeSpan) ?? options.Retention;
        options.InitialRetryDelay = Parse(section, nameof(options.InitialRetryDelay), ParseTimeSpan) ?? options.InitialRetryDelay;
        options.MaxRetryDelay = Parse(section, nameof(options.MaxRetryDelay), ParseTimeSpan) ?? options.MaxRetryDelay;
        options.AuthorizationProbeInterval = Parse(section, nameof(options.AuthorizationProbeInterval), ParseTimeSpan) ?? options.AuthorizationProbeInterval;
        options.RejectedEventTypeSuppression = Parse(section, nameof(options.RejectedEventTypeSuppression), ParseTimeSpan) ?? options.RejectedEventTypeSuppression;
    }

    private static T? Parse<T>(IConfigurationSection section, string key, Func<string, T> parse)
        where T : struct
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return null;
        }

        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw Invalid(section, key, text, typeof(T) == typeof(TimeSpan) ? "a time span such as 00:00:15" : "a " + typeof(T).Name);
        }
        catch (OverflowException)
        {
            throw Invalid(section, key, text, "a " + typeof(T).Name + " in range");
        }
    }

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static TimeSpan ParseTimeSpan(string text) => TimeSpan.Parse(text, CultureInfo.InvariantCulture);

    private static InvalidOperationException Invalid(IConfigurationSection section, string key, string value, string expected) =>
        new($"Configuration value '{section.Path}:{key}' = '{value}' is not {expected}.");
}
