namespace Monocle.Paygentic;

/// <summary>Names of the span events Monocle writes, and of the attributes its <c>metadata</c> event carries.</summary>
public static class MonocleEvents
{
    /// <summary>The event that carries token usage: the billable payload.</summary>
    public const string Metadata = "metadata";

    /// <summary>The prompt, written only when content capture is on.</summary>
    public const string DataInput = "data.input";

    /// <summary>The response, written only when content capture is on.</summary>
    public const string DataOutput = "data.output";

    /// <summary><c>metadata</c> attribute: tokens in the prompt.</summary>
    public const string PromptTokens = "prompt_tokens";

    /// <summary><c>metadata</c> attribute: tokens in the completion.</summary>
    public const string CompletionTokens = "completion_tokens";

    /// <summary><c>metadata</c> attribute: all tokens of the call (prompt plus completion when the provider gives no total).</summary>
    public const string TotalTokens = "total_tokens";

    /// <summary><c>metadata</c> attribute: prompt tokens read from the provider's cache.</summary>
    public const string CacheReadInputTokens = "cache_read_input_tokens";

    /// <summary><c>metadata</c> attribute: prompt tokens written to the provider's cache.</summary>
    public const string CacheCreationInputTokens = "cache_creation_input_tokens";

    /// <summary><c>metadata</c> attribute: the provider's own finish reason.</summary>
    public const string FinishReason = "finish_reason";

    /// <summary><c>metadata</c> attribute: the finish reason mapped to a <see cref="FinishTypes"/> value.</summary>
    public const string FinishType = "finish_type";

    /// <summary><c>metadata</c> attribute (and event data): the model that served the call.</summary>
    public const string ModelName = "model_name";

    /// <summary>Attribute of the <c>data.input</c>/<c>data.output</c> events that holds the text.</summary>
    public const string Input = "input";

    /// <summary>Attribute of the <c>data.output</c> event that holds the response text.</summary>
    public const string Response = "response";
}
