namespace Monocle.Paygentic.Generators.Model;

/// <summary>
/// Everything the emitter needs to write the implementing part of one annotated partial method: names,
/// type text and flags only, never a symbol or syntax node.
/// </summary>
internal sealed record MethodSpec(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string Modifiers,
    string ReturnType,
    ReturnShape Shape,
    string? ResultType,
    string Name,
    string TypeParameters,
    EquatableArray<string> Constraints,
    EquatableArray<ParameterSpec> Parameters,
    string ImplementationName,
    InferenceSpec? Inference,
    SubjectSpec? Subject);

/// <summary>A type that encloses the method, outermost first: <c>partial class Outer&lt;T&gt;</c>.</summary>
internal readonly record struct ContainingTypeSpec(string Keyword, string Name, string TypeParameters);

/// <summary>A parameter as the implementing part declares it, and how the call passes it on.</summary>
internal readonly record struct ParameterSpec(string Modifiers, string Type, string Name, string ArgumentPrefix);

/// <summary>How the method returns its result; each shape has its own wrapper.</summary>
internal enum ReturnShape
{
    Void,
    Value,
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
    AsyncEnumerable,
}

/// <summary>The inference span a <c>[BillableInference]</c> wrapper writes.</summary>
internal sealed record InferenceSpec(
    string Provider,
    string SpanName,
    string? Model,
    string? ModelArgument,
    UsageReaderSpec? Usage);

/// <summary>The billing-subject scope a wrapper opens: <c>MonocleTrace.BillingSubject(Argument, Kind)</c>.</summary>
internal readonly record struct SubjectSpec(string Argument, string Kind);
