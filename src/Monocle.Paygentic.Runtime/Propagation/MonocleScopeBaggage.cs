using System.Text;
using Monocle.Paygentic.Scopes;

namespace Monocle.Paygentic.Propagation;

/// <summary>
/// The W3C <c>baggage</c> entries that carry trace scopes between services. Writes the scopes in effect into an outgoing request's header, or strips
/// them where the host is not allowed. Both .NET propagation paths end here, so the header comes out
/// the same whichever of them (or both) ran.
/// </summary>
public static class MonocleScopeBaggage
{
    /// <summary>The W3C baggage header name.</summary>
    public const string HeaderName = "baggage";

    internal static void Apply(HttpRequestMessage request, ScopePropagationOptions options)
    {
        var allowed = options.IsAllowed(request.RequestUri?.IsAbsoluteUri == true ? request.RequestUri.Host : null);
        var members = new List<string>();
        var changed = false;
        if (request.Headers.TryGetValues(HeaderName, out var values))
        {
            foreach (var value in values)
            {
                foreach (var member in value.Split(','))
                {
                    var trimmed = member.Trim();
                    if (trimmed.StartsWith(MonocleScopes.BaggagePrefix, StringComparison.Ordinal))
                    {
                        changed = true;   // ours are rewritten below, or removed for a host that may not have them
                    }
                    else if (trimmed.Length > 0)
                    {
                        members.Add(trimmed);
                    }
                }
            }
        }

        if (allowed)
        {
            var top = ScopeContext.Current;
            for (var frame = top; frame is not null; frame = frame.Parent)
            {
                if (ScopeContext.IsVisible(top!, frame) && options.Propagates(frame.Name))
                {
                    members.Add(Member(frame.Name, frame.Value!));
                    changed = true;
                }
            }
        }

        if (!changed)
        {
            return;
        }

        request.Headers.Remove(HeaderName);
        if (members.Count > 0)
        {
            request.Headers.TryAddWithoutValidation(HeaderName, string.Join(",", members));
        }
    }

    /// <summary>
    /// Reads the <c>monocle.scope.*</c> entries of a W3C baggage header value, as scope name and value.
    /// Malformed members are skipped. Whether to trust them is the caller's decision.
    /// </summary>
    /// <param name="headerValue">The header value (several header fields joined by commas).</param>
    public static IEnumerable<KeyValuePair<string, string>> ReadScopes(string? headerValue)
    {
        if (string.IsNullOrEmpty(headerValue))
        {
            yield break;
        }

        foreach (var member in headerValue.Split(','))
        {
            // key=value;property... — properties are not used.
            var keyValue = member.Split(';')[0];
            var equals = keyValue.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = keyValue[..equals].Trim();
            if (!key.StartsWith(MonocleScopes.BaggagePrefix, StringComparison.Ordinal) || key.Length == MonocleScopes.BaggagePrefix.Length)
            {
                continue;
            }

            // Invalid percent escapes are kept as written (Uri.UnescapeDataString never throws on them).
            var value = Uri.UnescapeDataString(keyValue[(equals + 1)..].Trim());
            if (value.Length == 0)
            {
                continue;
            }

            yield return new(key[MonocleScopes.BaggagePrefix.Length..], value);
        }
    }

    private static string Member(string name, string value) =>
        new StringBuilder(MonocleScopes.BaggagePrefix.Length + name.Length + value.Length + 1)
            .Append(MonocleScopes.BaggagePrefix).Append(name).Append('=').Append(Uri.EscapeDataString(value))
            .ToString();
}
