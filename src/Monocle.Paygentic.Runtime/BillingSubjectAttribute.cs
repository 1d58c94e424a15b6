namespace Monocle.Paygentic;

/// <summary>
/// Names who pays for the inference calls made inside a method.
/// </summary>
/// <remarks>
/// <para>On a parameter of a <see cref="BillableInferenceAttribute"/> or <see langword="partial"/> method:
/// the argument is the billing subject for the duration of the call.</para>
/// <para>On a <see langword="partial"/> method: the generator writes a wrapper that opens the scope from the
/// parameter marked <see cref="BillingSubjectAttribute"/>, else the one named <c>subscriptionId</c> or
/// <c>customerId</c>.</para>
/// <para>A <see langword="null"/> or empty argument bills nobody: it hides any subject of an outer scope
/// for the call, and the exporter drops the call's events with a "no subject" warning.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class BillingSubjectAttribute : Attribute
{
    /// <summary>Marks a billing subject that is a Paygentic subscription id.</summary>
    public BillingSubjectAttribute()
        : this(BillingSubjectKind.Subscription)
    {
    }

    /// <summary>Marks a billing subject of the given kind.</summary>
    /// <param name="kind">Whether the value is a subscription id or a customer id.</param>
    public BillingSubjectAttribute(BillingSubjectKind kind) => Kind = kind;

    /// <summary>Whether the value is a subscription id or a customer id.</summary>
    public BillingSubjectKind Kind { get; }
}
