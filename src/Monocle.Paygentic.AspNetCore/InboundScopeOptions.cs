using Microsoft.AspNetCore.Http;

namespace Monocle.Paygentic.AspNetCore;

/// <summary>
/// Where the trace scopes of an inbound request come from. Nothing is read by default: a caller who
/// could set <c>monocle.scope.subscriptionId</c> could bill someone else, so each source is opted into.
/// </summary>
public sealed class InboundScopeOptions
{
    /// <summary>
    /// Decides whether the request's W3C <c>baggage</c> entries <c>monocle.scope.&lt;name&gt;</c> become
    /// scopes: return <see langword="true"/> only for callers you trust (your own services, e.g. by
    /// network or by client certificate). <see langword="null"/> (the default) trusts no one.
    /// </summary>
    public Func<HttpContext, bool>? TrustBaggage { get; set; }

    /// <summary>
    /// Request headers whose value becomes a scope: header name → scope name, e.g.
    /// <c>["X-Subscription-Id"] = MonocleScopes.SubscriptionId</c>. Use only headers that your gateway
    /// sets and strips from outside requests.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Claims of the authenticated user whose value becomes a scope: claim type → scope name, e.g.
    /// <c>["subscription_id"] = MonocleScopes.SubscriptionId</c>. Add the middleware after authentication.
    /// </summary>
    public IDictionary<string, string> Claims { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
