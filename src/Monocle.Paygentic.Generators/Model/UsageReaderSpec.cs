namespace Monocle.Paygentic.Generators.Model;

/// <summary>
/// How to read an <c>InferenceUsage</c> from a result (or from one item of a stream), found from the
/// shape of the result type's members. <see cref="Mode"/> says how the items of a stream add up.
/// </summary>
internal sealed record UsageReaderSpec(string ValueType, bool ValueIsReference, EquatableArray<UsageBranchSpec> Branches, UsageMode Mode);

/// <summary>How per-item usage adds up; mirrors the runtime's <c>StreamUsageMode</c>.</summary>
internal enum UsageMode
{
    Latest,
    Sum,
}

/// <summary>
/// One place the usage can be: the value itself (no <see cref="TryPickMethod"/> nor <see cref="ContentsMember"/>),
/// one case of a union type (<c>value.TryPickStart(out var start)</c>), or the items of a content list
/// that are of <see cref="ContentType"/> (Microsoft.Extensions.AI's <c>UsageContent</c>), which are summed.
/// </summary>
internal readonly record struct UsageBranchSpec(
    string? TryPickMethod,
    string? ContentsMember,
    string? ContentType,
    EquatableArray<UsageAssignmentSpec> Assignments);

/// <summary>
/// One <c>InferenceUsage</c> property and the member path it is read from, relative to the branch's value;
/// the path already holds the null-conditional operators its types need (<c>?.Usage?.InputTokenCount</c>).
/// </summary>
internal readonly record struct UsageAssignmentSpec(
    string Property,
    string Path,
    UsageValueKind Kind,
    string? EnumType,
    EquatableArray<EnumNameSpec> EnumNames);

/// <summary>How a member's value becomes the <c>InferenceUsage</c> property's value.</summary>
internal enum UsageValueKind
{
    /// <summary>A whole number: converted to <c>long?</c>.</summary>
    Count,

    /// <summary>A string, as it is.</summary>
    Text,

    /// <summary>An enum: each member's name in snake case (<c>ToolCalls</c> → <c>tool_calls</c>).</summary>
    Enum,
}

/// <summary>An enum member and the provider's string for it.</summary>
internal readonly record struct EnumNameSpec(string Member, string Text);
