namespace Monocle.Paygentic;

/// <summary>
/// Names of the trace scopes the Paygentic exporter reads. A span's billing subject is its
/// <see cref="SubscriptionId"/> scope, else its <see cref="CustomerId"/> scope.
/// </summary>
public static class MonocleScopes
{
    /// <summary>The Paygentic subscription to bill: <c>subscriptionId</c>.</summary>
    public const string SubscriptionId = "subscriptionId";

    /// <summary>The Paygentic customer to bill when no subscription is in scope: <c>customerId</c>.</summary>
    public const string CustomerId = "customerId";

    /// <summary>The prefix of the W3C baggage entry that carries a scope across processes: <c>monocle.scope.&lt;name&gt;</c>.</summary>
    public const string BaggagePrefix = "monocle.scope.";
}
