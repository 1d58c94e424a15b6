namespace Monocle.Paygentic.Tests.Instrumentation;

public sealed class FinishTypesTests
{
    [Theory]
    [InlineData("openai", "stop", "success")]
    [InlineData("openai", "tool_calls", "tool_call")]
    [InlineData("openai", "function_call", "tool_call")]
    [InlineData("openai", "length", "truncated")]
    [InlineData("openai", "content_filter", "content_filter")]
    [InlineData("azure_openai", "stop", "success")]
    [InlineData("anthropic", "end_turn", "success")]
    [InlineData("anthropic", "stop_sequence", "success")]
    [InlineData("anthropic", "pause_turn", "success")]
    [InlineData("anthropic", "max_tokens", "truncated")]
    [InlineData("anthropic", "tool_use", "tool_call")]
    [InlineData("anthropic", "refusal", "refusal")]
    [InlineData("gemini", "STOP", "success")]
    [InlineData("gemini", "MAX_TOKENS", "truncated")]
    [InlineData("gemini", "SAFETY", "content_filter")]
    [InlineData("gemini", "RECITATION", "content_filter")]
    [InlineData("gemini", "MALFORMED_FUNCTION_CALL", "tool_call_error")]
    [InlineData("gemini", "OTHER", "error")]
    [InlineData("vertexai", "FUNCTION_CALL", "tool_call")]
    [InlineData("aws_bedrock", "end_turn", "success")]
    [InlineData("aws_bedrock", "guardrails", "content_filter")]
    [InlineData("aws_bedrock", "CONTENT_FILTERED", "content_filter")]
    [InlineData("aws_bedrock", "End_Turn", "success")]             // lower-cased match
    [InlineData("aws_bedrock", "request_throttled_error", "error")] // keyword match
    [InlineData("aws_bedrock", "MAX_LENGTH_REACHED", "truncated")]
    [InlineData("groq", "stop", "success")]                         // unknown providers speak OpenAI's words
    [InlineData("groq", "end_turn", "success")]
    public void Maps_finish_reasons_as_Monocle_does(string provider, string reason, string expected) =>
        Assert.Equal(expected, FinishTypes.FromFinishReason(provider, reason));

    [Theory]
    [InlineData("gemini", "FINISH_REASON_UNSPECIFIED")]
    [InlineData("openai", "end_turn")]
    [InlineData("anthropic", "stop")]
    [InlineData("openai", "")]
    [InlineData("openai", null)]
    [InlineData("aws_bedrock", "guardrail_intervened")]
    public void Unknown_reasons_have_no_finish_type(string provider, string? reason) =>
        Assert.Null(FinishTypes.FromFinishReason(provider, reason));
}
