using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Scopes;

namespace Monocle.Paygentic;

/// <summary>
/// Trace scopes: ambient name/value pairs (such as the subscription to bill) that every span
/// started inside them carries as a <c>scope.&lt;name&gt;</c> attribute. The equivalent of Monocle's
/// <c>monocle_trace_scope</c>.
/// </summary>
/// <remarks>
/// A scope flows through <see langword="await"/>, <see cref="Task.Run(Action)"/> and every other
/// async hop of the flow that opened it; flows started in parallel never see each other's scopes.
/// </remarks>
public static class MonocleTrace
{
    /// <summary>Opens a trace scope for the current async flow.</summary>
    /// <param name="name">The scope name, e.g. <see cref="MonocleScopes.SubscriptionId"/>.</param>
    /// <param name="value">
    /// The value. <see langword="null"/> or empty hides any outer scope of the same name until this
    /// one is disposed.
    /// </param>
    /// <returns>The open scope; dispose it to close it.</returns>
    /// <example>
    /// <code>
    /// using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_123"))
    /// {
    ///     await assistant.AskAsync("…");   // billed to sub_123
    /// }
    /// </code>
    /// </example>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or not a valid scope name.</exception>
    public static MonocleScope Scope(string name, string? value)
    {
        ScopeNames.Validate(name);
        return new MonocleScope(name, value, masksSubject: false);
    }

    /// <summary>
    /// Opens the billing-subject scope: the calls made inside are billed to <paramref name="subjectId"/>
    /// and to nobody else. Unlike <see cref="Scope(string, string?)"/>, it hides both subject scopes of
    /// outer code (subscription and customer), so an outer subject is never billed for these calls;
    /// with a <see langword="null"/> or empty id the calls have no subject and are not billed.
    /// </summary>
    /// <param name="subjectId">The subscription id or customer id.</param>
    /// <param name="kind">Which of the two <paramref name="subjectId"/> is.</param>
    /// <returns>The open scope; dispose it to close it.</returns>
    public static MonocleScope BillingSubject(string? subjectId, BillingSubjectKind kind = BillingSubjectKind.Subscription)
    {
        var name = kind switch
        {
            BillingSubjectKind.Subscription => MonocleScopes.SubscriptionId,
            BillingSubjectKind.Customer => MonocleScopes.CustomerId,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use BillingSubjectKind.Subscription or BillingSubjectKind.Customer."),
        };
        return new MonocleScope(name, subjectId, masksSubject: true);
    }

    /// <summary>The value of scope <paramref name="name"/> in effect here, or <see langword="null"/>.</summary>
    /// <param name="name">The scope name.</param>
    public static string? GetScopeValue(string name) => ScopeContext.GetValue(name);

    /// <summary>
    /// Reports the token usage of the billable call in progress, from inside its implementation,
    /// when the result type carries none (a <see cref="Task"/>, <see langword="void"/> or a type of your own).
    /// The innermost <see cref="BillableInferenceAttribute"/> call of this flow records it when it ends.
    /// </summary>
    /// <param name="usage">The usage of the provider call.</param>
    /// <returns><see langword="true"/> when a traced call received it; <see langword="false"/> when no listener traces the call.</returns>
    public static bool ReportUsage(InferenceUsage usage) => InferenceSpan.ReportToCurrent(usage);
}
