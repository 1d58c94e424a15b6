namespace Monocle.Paygentic;

/// <summary>The parts of an <see cref="InferenceUsage"/> that <see cref="InferenceUsageAttribute"/> can mark.</summary>
public enum InferenceUsageField
{
    /// <summary><see cref="InferenceUsage.PromptTokens"/>: a whole number (<see langword="int"/> or <see langword="long"/>, nullable or not).</summary>
    PromptTokens = 0,

    /// <summary><see cref="InferenceUsage.CompletionTokens"/>: a whole number.</summary>
    CompletionTokens = 1,

    /// <summary><see cref="InferenceUsage.TotalTokens"/>: a whole number.</summary>
    TotalTokens = 2,

    /// <summary><see cref="InferenceUsage.CacheReadInputTokens"/>: a whole number.</summary>
    CacheReadInputTokens = 3,

    /// <summary><see cref="InferenceUsage.CacheCreationInputTokens"/>: a whole number.</summary>
    CacheCreationInputTokens = 4,

    /// <summary><see cref="InferenceUsage.FinishReason"/>: a string (or an enum, written in snake case).</summary>
    FinishReason = 5,

    /// <summary><see cref="InferenceUsage.Model"/>: a string.</summary>
    Model = 6,
}
