namespace Monocle.Paygentic;

/// <summary>What a billing subject value identifies.</summary>
public enum BillingSubjectKind
{
    /// <summary>A Paygentic subscription id: the <see cref="MonocleScopes.SubscriptionId"/> scope.</summary>
    Subscription = 0,

    /// <summary>A Paygentic customer id: the <see cref="MonocleScopes.CustomerId"/> scope.</summary>
    Customer = 1,
}
