using System.Net;

namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>Where the Paygentic API is: <c>--base-url</c>, else the events endpoint's base, else sandbox or live.</summary>
internal static class PaygenticApiAddress
{
    private const string EventsPath = "/v0/events";

    /// <summary>Resolves the API's base address.</summary>
    /// <param name="baseUrl"><c>--base-url</c>, if given.</param>
    /// <param name="environment">Reads an environment variable (<c>PAYGENTIC_EVENT_ENDPOINT</c>, <c>PAYGENTIC_SANDBOX</c>).</param>
    /// <returns>The base address, ending in <c>/</c>, and a sentence saying where it came from.</returns>
    /// <exception cref="ArgumentException">The address is not an absolute http(s) URL, or is plain http to a non-loopback host.</exception>
    public static (Uri Address, string From) Resolve(Uri? baseUrl, Func<string, string?> environment)
    {
        if (baseUrl is not null)
        {
            return (Check(baseUrl.ToString(), "--base-url"), "--base-url");
        }

        if (environment("PAYGENTIC_EVENT_ENDPOINT") is { Length: > 0 } endpoint)
        {
            var events = Check(endpoint, "PAYGENTIC_EVENT_ENDPOINT");
            var path = events.AbsolutePath.TrimEnd('/');
            var basePath = path.EndsWith(EventsPath, StringComparison.OrdinalIgnoreCase) ? path[..^EventsPath.Length] : string.Empty;
            return (new Uri(events.GetLeftPart(UriPartial.Authority) + basePath + "/"), "PAYGENTIC_EVENT_ENDPOINT");
        }

        return string.Equals(environment("PAYGENTIC_SANDBOX"), "true", StringComparison.OrdinalIgnoreCase)
            ? (PaygenticExporterOptions.SandboxBaseAddress, "PAYGENTIC_SANDBOX=true")
            : (PaygenticExporterOptions.LiveBaseAddress, "the default (live)");
    }

    private static Uri Check(string text, string name)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"{name} '{text}' is not an absolute http(s) URL, e.g. https://api.paygentic.io.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new ArgumentException($"{name} {uri} is plain http on a non-loopback host, so the API key would travel in clear text; use https.");
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
