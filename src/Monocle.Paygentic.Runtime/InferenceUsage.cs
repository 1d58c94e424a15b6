namespace Monocle.Paygentic;

/// <summary>
/// The token usage of one provider call, as Monocle records it in the span's <c>metadata</c> event.
/// Counts follow Monocle's meaning per provider: for Anthropic, <see cref="PromptTokens"/> excludes
/// cache reads, which are in <see cref="CacheReadInputTokens"/>; never count them twice.
/// </summary>
public readonly record struct InferenceUsage
{
    /// <summary>Tokens in the prompt.</summary>
    public long? PromptTokens { get; init; }

    /// <summary>Tokens in the completion.</summary>
    public long? CompletionTokens { get; init; }

    /// <summary>All tokens of the call, as the provider reports them; see <see cref="EffectiveTotalTokens"/>.</summary>
    public long? TotalTokens { get; init; }

    /// <summary>Prompt tokens read from the provider's prompt cache.</summary>
    public long? CacheReadInputTokens { get; init; }

    /// <summary>Prompt tokens written to the provider's prompt cache.</summary>
    public long? CacheCreationInputTokens { get; init; }

    /// <summary>The provider's finish reason, e.g. <c>stop</c> or <c>end_turn</c>.</summary>
    public string? FinishReason { get; init; }

    /// <summary>The model that served the call, when the result names it.</summary>
    public string? Model { get; init; }

    /// <summary>Whether any token count is known: only then is the call billable.</summary>
    public bool HasTokens => PromptTokens.HasValue || CompletionTokens.HasValue || TotalTokens.HasValue;

    /// <summary>
    /// <see cref="TotalTokens"/> when the provider gives it, else the sum of the prompt and completion
    /// counts that are known, else <see langword="null"/>.
    /// </summary>
    public long? EffectiveTotalTokens =>
        TotalTokens ?? (PromptTokens.HasValue || CompletionTokens.HasValue
            ? PromptTokens.GetValueOrDefault() + CompletionTokens.GetValueOrDefault()
            : null);

    /// <summary>
    /// Combines the usage of two parts of one call by adding the counts (streams whose chunks each
    /// carry their own usage, as Microsoft.Extensions.AI's <c>UsageContent</c>). Text fields keep the
    /// latest value given.
    /// </summary>
    /// <param name="later">The usage of the later part.</param>
    public InferenceUsage Add(InferenceUsage later) => new()
    {
        PromptTokens = Sum(PromptTokens, later.PromptTokens),
        CompletionTokens = Sum(CompletionTokens, later.CompletionTokens),
        TotalTokens = Sum(TotalTokens, later.TotalTokens),
        CacheReadInputTokens = Sum(CacheReadInputTokens, later.CacheReadInputTokens),
        CacheCreationInputTokens = Sum(CacheCreationInputTokens, later.CacheCreationInputTokens),
        FinishReason = later.FinishReason ?? FinishReason,
        Model = later.Model ?? Model,
    };

    /// <summary>
    /// Combines the usage of two parts of one call by keeping, field by field, the latest value given
    /// (streams whose chunks carry running totals: OpenAI's final usage chunk, Anthropic's
    /// <c>message_start</c> input count and cumulative <c>message_delta</c> output count).
    /// </summary>
    /// <param name="later">The usage of the later part.</param>
    public InferenceUsage Update(InferenceUsage later) => new()
    {
        PromptTokens = later.PromptTokens ?? PromptTokens,
        CompletionTokens = later.CompletionTokens ?? CompletionTokens,
        TotalTokens = later.TotalTokens ?? TotalTokens,
        CacheReadInputTokens = later.CacheReadInputTokens ?? CacheReadInputTokens,
        CacheCreationInputTokens = later.CacheCreationInputTokens ?? CacheCreationInputTokens,
        FinishReason = later.FinishReason ?? FinishReason,
        Model = later.Model ?? Model,
    };

    private static long? Sum(long? a, long? b) => a.HasValue || b.HasValue ? a.GetValueOrDefault() + b.GetValueOrDefault() : null;
}
