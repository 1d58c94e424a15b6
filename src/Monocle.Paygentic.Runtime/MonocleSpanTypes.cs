namespace Monocle.Paygentic;

/// <summary>Values of the <see cref="MonocleAttributes.SpanType"/> attribute.</summary>
public static class MonocleSpanTypes
{
    /// <summary>A call to a model provider; the span that bills.</summary>
    public const string Inference = "inference";

    /// <summary>
    /// An inference span that encloses other inference spans which carried the usage (an agent
    /// around a chat call); it carries no <c>metadata</c> event, so the call is billed once.
    /// </summary>
    public const string InferenceFramework = "inference.framework";

    /// <summary>The root span of a workflow, written when an instrumented call starts with no parent.</summary>
    public const string Workflow = "workflow";

    /// <summary>
    /// Whether a <see cref="MonocleAttributes.SpanType"/> value names an inference span
    /// (<c>inference</c> or <c>inference.*</c>).
    /// </summary>
    /// <param name="spanType">The attribute value; <see langword="null"/> is not an inference span.</param>
    public static bool IsInference(string? spanType) =>
        spanType is not null
        && spanType.StartsWith(Inference, StringComparison.Ordinal)
        && (spanType.Length == Inference.Length || spanType[Inference.Length] == '.');
}
