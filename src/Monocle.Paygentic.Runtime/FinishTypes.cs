namespace Monocle.Paygentic;

/// <summary>
/// Values of the <see cref="MonocleEvents.FinishType"/> attribute: a provider's finish reason
/// mapped to one vocabulary, as Monocle maps it.
/// </summary>
public static class FinishTypes
{
    /// <summary>The model finished normally.</summary>
    public const string Success = "success";

    /// <summary>The output hit a token limit.</summary>
    public const string Truncated = "truncated";

    /// <summary>A safety filter stopped the output.</summary>
    public const string ContentFilter = "content_filter";

    /// <summary>The provider reported an error.</summary>
    public const string Error = "error";

    /// <summary>The model produced a malformed tool call.</summary>
    public const string ToolCallError = "tool_call_error";

    /// <summary>The model refused.</summary>
    public const string Refusal = "refusal";

    /// <summary>The provider rate-limited the call.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The model asked for a tool call.</summary>
    public const string ToolCall = "tool_call";

    /// <summary>
    /// Maps a provider's finish reason to a finish type, with Monocle's tables for
    /// <c>openai</c> (and <c>azure_openai</c>), <c>anthropic</c>, <c>gemini</c>/<c>vertexai</c> and
    /// <c>aws_bedrock</c>. Other providers use the OpenAI table, then the others, since most speak
    /// OpenAI's vocabulary.
    /// </summary>
    /// <param name="provider">The provider name, e.g. <c>openai</c>.</param>
    /// <param name="finishReason">The provider's finish reason, e.g. <c>stop</c>.</param>
    /// <returns>The finish type, or <see langword="null"/> when the reason is unknown or unspecified.</returns>
    public static string? FromFinishReason(string? provider, string? finishReason)
    {
        if (string.IsNullOrEmpty(finishReason))
        {
            return null;
        }

        return provider switch
        {
            "openai" or "azure_openai" => OpenAI(finishReason),
            "anthropic" => Anthropic(finishReason),
            "gemini" or "vertexai" => Gemini(finishReason),
            "aws_bedrock" => Bedrock(finishReason),
            _ => OpenAI(finishReason) ?? Anthropic(finishReason) ?? Gemini(finishReason) ?? Bedrock(finishReason),
        };
    }

    private static string? OpenAI(string reason) => reason switch
    {
        "stop" => Success,
        "tool_calls" or "function_call" => ToolCall,
        "length" => Truncated,
        "content_filter" => ContentFilter,
        _ => null,
    };

    private static string? Anthropic(string reason) => reason switch
    {
        "end_turn" or "stop_sequence" or "pause_turn" => Success,
        "max_tokens" => Truncated,
        "tool_use" => ToolCall,
        "refusal" => Refusal,
        _ => null,
    };

    private static string? Gemini(string reason) => reason switch
    {
        "STOP" => Success,
        "FUNCTION_CALL" => ToolCall,
        "MAX_TOKENS" => Truncated,
        "SAFETY" or "RECITATION" => ContentFilter,
        "MALFORMED_FUNCTION_CALL" => ToolCallError,
        "OTHER" => Error,
        _ => null,
    };

    // Bedrock fronts many model families: exact match, then lower case, then keywords (as Monocle does).
    private static string? Bedrock(string reason) =>
        BedrockExact(reason) ?? BedrockExact(reason.ToLowerInvariant()) ?? BedrockKeywords(reason.ToLowerInvariant());

    private static string? BedrockExact(string reason) => reason switch
    {
        "end_turn" or "stop" or "stop_sequence" or "completed" or "endoftext" or "COMPLETE" or "FINISH" => Success,
        "max_tokens" or "length" or "max_length" or "token_limit" or "MAX_TOKENS" or "LENGTH" => Truncated,
        "tool_use" or "function_call" => ToolCall,
        "content_filter" or "content_filtered" or "safety" or "guardrails" or "blocked" or "CONTENT_FILTERED" => ContentFilter,
        "error" or "failed" or "exception" or "timeout" or "model_error" or "service_unavailable"
            or "throttled" or "rate_limit" or "validation_error" or "ERROR" => Error,
        _ => null,
    };

    private static string? BedrockKeywords(string lower)
    {
        if (ContainsAny(lower, "stop", "complete", "success", "done", "finish", "end_turn", "endoftext"))
        {
            return Success;
        }

        if (ContainsAny(lower, "length", "token", "limit", "truncat"))
        {
            return Truncated;
        }

        if (ContainsAny(lower, "filter", "safety", "block", "guardrails"))
        {
            return ContentFilter;
        }

        return ContainsAny(lower, "error", "fail", "exception", "timeout", "unavailable", "rate_limit", "throttled", "validation")
            ? Error
            : null;
    }

    private static bool ContainsAny(string text, params string[] keywords)
    {
        foreach (var keyword in keywords)
        {
            if (text.Contains(keyword, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
