using Microsoft.CodeAnalysis;

namespace Monocle.Paygentic.Diagnostics;

/// <summary>
/// The one catalogue of Monocle.Paygentic diagnostics. Compiled into both the generator (which reports
/// the declaration rules it meets while parsing) and the analyzers (call-site and source rules); each
/// rule is reported by exactly one of them. Help: docs/diagnostics/MPGnnnn.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpLinkBase = "https://github.com/monocle-paygentic/monocle-paygentic-dotnet/blob/main/docs/diagnostics/";
    private const string Billing = "Monocle.Billing";
    private const string Usage = "Monocle.Usage";
    private const string Security = "Monocle.Security";

    /// <summary>Analyzer. A billable call runs where no billing subject can be in scope.</summary>
    public static readonly DiagnosticDescriptor NoBillingSubject = Create(
        "MPG0001", Billing, DiagnosticSeverity.Warning,
        "Billable inference call has no billing subject in scope",
        "'{0}' is billable but no subscriptionId or customerId scope can be in effect here, so its usage event would be dropped; wrap the call in 'using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, ...))', add a [BillingSubject] parameter, or mark the method [RequiresBillingSubject] to make its callers provide one");

    /// <summary>Analyzer. A provider name that is one edit away from a known Monocle provider.</summary>
    public static readonly DiagnosticDescriptor ProviderNearMiss = Create(
        "MPG0002", Usage, DiagnosticSeverity.Warning,
        "Provider name looks like a misspelt known provider",
        "Provider '{0}' is not a Monocle provider but looks like '{1}'; events would be typed 'ai.inference.{0}' and match no billable metric; use \"{1}\"");

    /// <summary>Generator. A provider name that is not of <c>[a-z0-9_]</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidProviderName = Create(
        "MPG0003", Usage, DiagnosticSeverity.Error,
        "Provider name is not valid",
        "Provider '{0}' must be lower-case letters, digits and underscores (e.g. \"openai\", \"azure_openai\")");

    /// <summary>Analyzer. A scope name the exporter never reads as a billing subject.</summary>
    public static readonly DiagnosticDescriptor MisspeltScopeName = Create(
        "MPG0004", Billing, DiagnosticSeverity.Warning,
        "Scope name is not one the Paygentic exporter reads",
        "Scope '{0}' is not read as a billing subject; the exporter reads exactly '{1}'; use MonocleScopes.{2}");

    /// <summary>Generator. <c>[BillableInference]</c> or <c>[BillingSubject]</c> on a method that is not a partial declaration.</summary>
    public static readonly DiagnosticDescriptor MethodNotPartial = Create(
        "MPG0005", Usage, DiagnosticSeverity.Error,
        "Annotated method must be a partial method declaration",
        "'{0}' must be declared 'partial' with no body, in a 'partial' type, so the generator can write its implementation; move the body to '{1}'");

    /// <summary>Generator. The implementation method is missing.</summary>
    public static readonly DiagnosticDescriptor ImplementationMissing = Create(
        "MPG0006", Usage, DiagnosticSeverity.Error,
        "Implementation method not found",
        "'{0}' calls its implementation '{1}', which does not exist; add a method '{1}' with the same parameters and return type, or name it with [BillableInference(Implementation = \"...\")]");

    /// <summary>Generator. The implementation method does not match the declaration.</summary>
    public static readonly DiagnosticDescriptor ImplementationMismatch = Create(
        "MPG0007", Usage, DiagnosticSeverity.Error,
        "Implementation method does not match",
        "'{1}' cannot implement '{0}': {2}");

    /// <summary>Analyzer. A direct call of an implementation method bypasses tracing and billing.</summary>
    public static readonly DiagnosticDescriptor DirectImplementationCall = Create(
        "MPG0008", Billing, DiagnosticSeverity.Warning,
        "Implementation of a billable method called directly",
        "This call of '{0}' bypasses '{1}', so it is neither traced nor billed; call '{1}' instead");

    /// <summary>Generator. The result carries no usage the generator can read, and the implementation reports none.</summary>
    public static readonly DiagnosticDescriptor NoUsage = Create(
        "MPG0009", Billing, DiagnosticSeverity.Warning,
        "No token usage can be recorded for this call",
        "'{0}' returns '{1}', which carries no token usage the generator recognises, and '{2}' never calls MonocleTrace.ReportUsage; the call would never bill; report its usage with MonocleTrace.ReportUsage(...) or mark the result's counts with [InferenceUsage]");

    /// <summary>Analyzer. A Paygentic API key written in source.</summary>
    public static readonly DiagnosticDescriptor ApiKeyInSource = Create(
        "MPG0010", Security, DiagnosticSeverity.Error,
        "Paygentic API key in source code",
        "This string looks like a Paygentic API key ('{0}…'); keys in source leak through version control; read it from the PAYGENTIC_API_KEY environment variable or configuration and revoke this one");

    /// <summary>Analyzer. An event-type literal missing the <c>ai.</c> prefix.</summary>
    public static readonly DiagnosticDescriptor EventTypeWithoutPrefix = Create(
        "MPG0011", Billing, DiagnosticSeverity.Warning,
        "Event type is missing the 'ai.' prefix",
        "'{0}' is not an event type the exporter sends: the exporter prefixes 'ai.'; use MonocleEventTypes.{1} (\"ai.{0}\")");

    /// <summary>Analyzer. A scope that is opened and never disposed.</summary>
    public static readonly DiagnosticDescriptor ScopeNotDisposed = Create(
        "MPG0012", Billing, DiagnosticSeverity.Warning,
        "Trace scope is never disposed",
        "The scope opened here is never disposed, so it stays in effect for everything that runs after it; open it with 'using'");

    /// <summary>Analyzer. A scope opened in an iterator and held across a <c>yield</c>.</summary>
    public static readonly DiagnosticDescriptor ScopeAcrossYield = Create(
        "MPG0013", Billing, DiagnosticSeverity.Warning,
        "Trace scope held across 'yield'",
        "A scope opened inside an iterator and held across 'yield' leaks into the caller's loop body (and is lost inside the iterator when it resumes); open the scope around the 'await foreach' in the caller, or mark the iterator [BillingSubject]");

    /// <summary>Generator. A method shape the generator cannot wrap.</summary>
    public static readonly DiagnosticDescriptor UnsupportedShape = Create(
        "MPG0014", Usage, DiagnosticSeverity.Error,
        "Method shape cannot be wrapped",
        "'{0}' cannot be wrapped: {1}");

    /// <summary>Generator. A <c>[BillingSubject]</c> method with no parameter to take the subject from.</summary>
    public static readonly DiagnosticDescriptor NoSubjectParameter = Create(
        "MPG0015", Billing, DiagnosticSeverity.Error,
        "No billing subject parameter",
        "'{0}' is marked [BillingSubject] but has no parameter marked [BillingSubject] and none named 'subscriptionId' or 'customerId'; mark the parameter that holds the subject");

    /// <summary>Generator. A <c>[BillingSubject]</c> parameter that is not a string.</summary>
    public static readonly DiagnosticDescriptor SubjectParameterNotString = Create(
        "MPG0016", Billing, DiagnosticSeverity.Error,
        "Billing subject parameter is not a string",
        "Parameter '{0}' is marked [BillingSubject] but is of type '{1}'; a billing subject is a subscription or customer id string");

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
