namespace Monocle.Paygentic;

/// <summary>
/// Declares that a method makes billable inference calls and that its callers provide the billing
/// subject (a <c>subscriptionId</c> or <c>customerId</c> scope). The analyzers then stop checking the
/// billable calls inside the method (MPG0001) and check every call of the method instead, as the
/// trimming analyzer does for <c>[RequiresUnreferencedCode]</c>.
/// </summary>
/// <example>
/// <code>
/// [RequiresBillingSubject]
/// public Task&lt;ChatResponse&gt; SummariseAsync(string text) =&gt; _chat.GetResponseAsync(text);
///
/// using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, subscriptionId))
/// {
///     await summariser.SummariseAsync(text);   // checked here
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
public sealed class RequiresBillingSubjectAttribute : Attribute
{
}
