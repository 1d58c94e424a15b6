namespace Monocle.Paygentic.Export;

/// <summary>Why a span gave no <see cref="PaygenticEvent"/>.</summary>
public enum PaygenticSkipReason
{
    /// <summary>Not skipped: the conversion gave an event.</summary>
    None = 0,

    /// <summary>The span is not an inference span (<c>span.type</c> is not <c>inference</c> or <c>inference.*</c>).</summary>
    NotInference,

    /// <summary>An inference span with no (or an empty) <c>metadata</c> event: it carries no usage (a framework span, or a call whose usage another span bills).</summary>
    NoUsage,

    /// <summary>A billable span with no <c>entity.1.type</c>, so no event type can be named.</summary>
    NoEventType,

    /// <summary>A billable span with neither a <c>scope.subscriptionId</c> nor a <c>scope.customerId</c>: nobody to bill.</summary>
    NoSubject,

    /// <summary>The same span (same trace and span id) was already converted in this batch or file.</summary>
    Duplicate,
}
