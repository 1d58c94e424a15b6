using Monocle.Paygentic;

namespace Monocle.Paygentic.Tool.Tests.Manifest;

/// <summary>A model answer with its token usage.</summary>
public sealed class Answer
{
    [InferenceUsage(InferenceUsageField.PromptTokens)]
    public int InputTokens { get; init; }

    [InferenceUsage(InferenceUsageField.CompletionTokens)]
    public int OutputTokens { get; init; }

    [InferenceUsage(InferenceUsageField.TotalTokens)]
    public int TotalTokens { get; init; }
}

/// <summary>One billable call per provider: the generator's manifest then holds ai.inference.openai and ai.inference.anthropic.</summary>
public sealed partial class BillableCalls
{
    [BillableInference("openai", Model = "gpt-4o-mini")]
    public partial Answer AskOpenAI(string question);

    [BillableInference("anthropic", Model = "claude-sonnet-4")]
    public partial Answer AskAnthropic(string question);

    /// <summary>How many answers this instance gave.</summary>
    public int Calls { get; private set; }

    private Answer AskOpenAICore(string question) => Answer(question.Length, ++Calls);

    private Answer AskAnthropicCore(string question) => Answer(question.Length, ++Calls);

    private static Answer Answer(int input, int output) => new() { InputTokens = input, OutputTokens = output, TotalTokens = input + output };
}
