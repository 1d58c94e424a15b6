using Monocle.Paygentic;

namespace Monocle.Paygentic.Benchmarks;

/// <summary>A result with the usage shape of OpenAI's ChatCompletion.</summary>
public sealed class Completion
{
    public TokenUsage? Usage { get; init; }

    public string? Model { get; init; }

    public string? FinishReason { get; init; }
}

/// <summary>Token counts named as OpenAI's ChatTokenUsage names them.</summary>
public sealed class TokenUsage
{
    public int InputTokenCount { get; init; }

    public int OutputTokenCount { get; init; }

    public int TotalTokenCount { get; init; }
}

/// <summary>The annotated service under measurement; its implementations return cached results.</summary>
public sealed partial class ChatService
{
    internal static readonly Completion Result = new()
    {
        Usage = new TokenUsage { InputTokenCount = 20, OutputTokenCount = 5, TotalTokenCount = 25 },
        Model = "gpt-4o-mini",
        FinishReason = "stop",
    };

    internal static readonly Task<Completion> CompletedTask = Task.FromResult(Result);

    [BillableInference("openai")]
    public partial Completion Complete(string prompt);

    [BillableInference("openai")]
    public partial Task<Completion> CompleteAsync(string prompt);

    internal Completion CompleteCore(string prompt) => Result;

    internal Task<Completion> CompleteAsyncCore(string prompt) => CompletedTask;
}
