using System.Runtime.CompilerServices;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using Monocle.Paygentic;
using OpenAI.Chat;

namespace Monocle.Paygentic.Generators.Tests.Sdk;

/// <summary>Billable methods that return the real SDKs' result types; the tests hand in the results.</summary>
public sealed partial class SdkServices
{
    public object? Next { get; set; }

    public IReadOnlyList<object> NextStream { get; set; } = [];

    [BillableInference("openai")]
    public partial Task<ChatCompletion> OpenAIAsync(string prompt);

    private Task<ChatCompletion> OpenAIAsyncCore(string prompt) => Task.FromResult((ChatCompletion)Next!);

    [BillableInference("openai")]
    public partial IAsyncEnumerable<StreamingChatCompletionUpdate> OpenAIStreamAsync(string prompt);

    private IAsyncEnumerable<StreamingChatCompletionUpdate> OpenAIStreamAsyncCore(string prompt) => Replay<StreamingChatCompletionUpdate>();

    [BillableInference("openai")]
    public partial ChatResponse MeaiChat(string prompt);

    private ChatResponse MeaiChatCore(string prompt) => (ChatResponse)Next!;

    [BillableInference("openai")]
    public partial IAsyncEnumerable<ChatResponseUpdate> MeaiStreamAsync(string prompt);

    private IAsyncEnumerable<ChatResponseUpdate> MeaiStreamAsyncCore(string prompt) => Replay<ChatResponseUpdate>();

    [BillableInference("anthropic")]
    public partial ValueTask<Message> AnthropicAsync(string prompt);

    private ValueTask<Message> AnthropicAsyncCore(string prompt) => new((Message)Next!);

    [BillableInference("anthropic")]
    public partial IAsyncEnumerable<RawMessageStreamEvent> AnthropicStreamAsync(string prompt);

    private IAsyncEnumerable<RawMessageStreamEvent> AnthropicStreamAsyncCore(string prompt) => Replay<RawMessageStreamEvent>();

    private async IAsyncEnumerable<T> Replay<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in NextStream)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return (T)item;
        }
    }
}
