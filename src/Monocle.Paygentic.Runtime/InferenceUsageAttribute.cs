namespace Monocle.Paygentic;

/// <summary>
/// Marks a property or field of your own result type as one of the counts of the call's token usage, so a
/// <see cref="BillableInferenceAttribute"/> method that returns it is billed without
/// <see cref="MonocleTrace.ReportUsage"/>. The generator reads the marked members at compile time.
/// </summary>
/// <example>
/// <code>
/// public sealed class Answer
/// {
///     public string Text { get; init; } = "";
///     [InferenceUsage(InferenceUsageField.PromptTokens)] public int InputTokens { get; init; }
///     [InferenceUsage(InferenceUsageField.CompletionTokens)] public int OutputTokens { get; init; }
///     [InferenceUsage(InferenceUsageField.Model)] public string? Model { get; init; }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class InferenceUsageAttribute : Attribute
{
    /// <summary>Marks the member as the given part of the usage.</summary>
    /// <param name="field">Which part of the usage the member holds.</param>
    public InferenceUsageAttribute(InferenceUsageField field) => Field = field;

    /// <summary>Which part of the usage the member holds.</summary>
    public InferenceUsageField Field { get; }
}
