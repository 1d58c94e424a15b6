namespace Monocle.Paygentic;

/// <summary>
/// Marks the parameter of a <see cref="BillableInferenceAttribute"/> method that holds the model name,
/// so the span names the model even when the result does not.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class InferenceModelAttribute : Attribute
{
}
