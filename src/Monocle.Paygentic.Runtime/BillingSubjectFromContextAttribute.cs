namespace Monocle.Paygentic;

/// <summary>
/// Declares that the billing subject of the inference calls made in a method, a type or a whole
/// assembly is set by code the analyzers cannot see, such as ASP.NET Core middleware that opens the
/// <c>subscriptionId</c> scope from the authenticated caller. The analyzers do not report MPG0001 for
/// calls covered by it. The subject is still read at run time: a call that runs with none is dropped
/// by the exporter with a "no subject resolved" warning.
/// </summary>
/// <example>
/// <code>
/// [assembly: BillingSubjectFromContext("SubscriptionScopeMiddleware opens the scope for every request")]
/// </code>
/// </example>
[AttributeUsage(
    AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly | AttributeTargets.Module,
    AllowMultiple = false,
    Inherited = false)]
public sealed class BillingSubjectFromContextAttribute : Attribute
{
    /// <summary>Declares that the billing subject is set by surrounding code.</summary>
    public BillingSubjectFromContextAttribute()
    {
    }

    /// <summary>Declares that the billing subject is set by surrounding code, and says which.</summary>
    /// <param name="source">What sets the subject, for the reader, e.g. the middleware's name.</param>
    public BillingSubjectFromContextAttribute(string source) => Source = source;

    /// <summary>What sets the subject, for the reader; not used at run time.</summary>
    public string? Source { get; }
}
