using Monocle.Paygentic;

namespace Monocle.Paygentic.Generators.Tests.Running;

/// <summary>A result type of the user's own that says where its counts are.</summary>
public sealed class Answer
{
    public string Text { get; init; } = "";

    [InferenceUsage(InferenceUsageField.PromptTokens)]
    public int InputTokens { get; init; }

    [InferenceUsage(InferenceUsageField.CompletionTokens)]
    public int OutputTokens { get; init; }

    [InferenceUsage(InferenceUsageField.FinishReason)]
    public string? Reason { get; init; }

    [InferenceUsage(InferenceUsageField.Model)]
    public string? ServedBy { get; init; }
}

/// <summary>A stream chunk of the user's own: only the last one carries counts.</summary>
public sealed class Chunk
{
    public string Text { get; init; } = "";

    [InferenceUsage(InferenceUsageField.PromptTokens)]
    public int? InputTokens { get; init; }

    [InferenceUsage(InferenceUsageField.CompletionTokens)]
    public int? OutputTokens { get; init; }
}

/// <summary>A holder with a <c>.Value</c>, as OpenAI's <c>ClientResult&lt;T&gt;</c>.</summary>
public sealed class Holder<T>(T value)
{
    public T Value { get; } = value;
}
