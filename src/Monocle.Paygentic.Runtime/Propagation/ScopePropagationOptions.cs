namespace Monocle.Paygentic.Propagation;

/// <summary>
/// Which outgoing HTTP requests carry the trace scopes as W3C baggage entries
/// (<c>monocle.scope.&lt;name&gt;</c>). By default none does: a customer id must not reach a model
/// provider or any other third party, so each host that may receive scopes is named here.
/// </summary>
public sealed class ScopePropagationOptions
{
    /// <summary>
    /// Hosts that receive the scopes: exact host names (<c>billing.internal</c>, <c>127.0.0.1</c>) or
    /// <c>*.</c> suffix patterns (<c>*.svc.cluster.local</c> matches any host below that domain).
    /// Matching ignores case. Empty by default: no host receives scopes.
    /// </summary>
    public IList<string> AllowedHosts { get; } = new List<string>();

    /// <summary>
    /// The scope names that travel; empty (the default) means every scope in effect.
    /// </summary>
    public IList<string> Scopes { get; } = new List<string>();

    /// <summary>Whether a request to <paramref name="host"/> may carry scopes.</summary>
    /// <param name="host">The request's host.</param>
    public bool IsAllowed(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        foreach (var pattern in AllowedHosts)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(pattern.AsSpan(1), StringComparison.OrdinalIgnoreCase)
                : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    internal bool Propagates(string scopeName) =>
        Scopes.Count == 0 || Scopes.Contains(scopeName);
}
