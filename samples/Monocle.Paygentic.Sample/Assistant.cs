using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Monocle.Paygentic.Sample;

/// <summary>
/// The service's LLM calls, each one billable: the generator writes every <c>[BillableInference]</c> method
/// (a traced call of its <c>…Core</c> implementation that records the token usage of the result).
/// Two client styles: the OpenAI SDK's <see cref="ChatClient"/> and Microsoft.Extensions.AI's <see cref="IChatClient"/>.
/// </summary>
/// <remarks>
/// <paramref name="endUser"/> travels to the provider as OpenAI's <c>user</c> field. Billing does not read
/// it (billing reads the trace scope); the fake OpenAI server records usage by it, so a run can compare
/// what the provider issued with what Paygentic metered.
/// </remarks>
internal sealed partial class Assistant(ChatClient chat, IChatClient agent)
{
    /// <summary>One question, one answer (OpenAI SDK, <c>ClientResult&lt;ChatCompletion&gt;</c>).</summary>
    [BillableInference("openai")]
    public partial Task<ClientResult<ChatCompletion>> AskAsync(string question, string? endUser, CancellationToken cancellationToken = default);

    /// <summary>The answer as it is written (OpenAI SDK streaming; usage arrives in the final chunk).</summary>
    [BillableInference("openai")]
    public partial IAsyncEnumerable<StreamingChatCompletionUpdate> AskStreamingAsync(string question, string? endUser, CancellationToken cancellationToken = default);

    /// <summary>A summary (Microsoft.Extensions.AI, <c>ChatResponse</c>).</summary>
    [BillableInference("openai")]
    public partial Task<ChatResponse> SummarizeAsync(string text, string? endUser, CancellationToken cancellationToken = default);

    /// <summary>A drafted reply as it is written (Microsoft.Extensions.AI streaming; usage as <c>UsageContent</c>).</summary>
    [BillableInference("openai")]
    public partial IAsyncEnumerable<ChatResponseUpdate> DraftStreamingAsync(string text, string? endUser, CancellationToken cancellationToken = default);

    private Task<ClientResult<ChatCompletion>> AskAsyncCore(string question, string? endUser, CancellationToken cancellationToken) =>
        chat.CompleteChatAsync([new UserChatMessage(question)], new ChatCompletionOptions { EndUserId = endUser }, cancellationToken);

    // The implementation may return the SDK's own type: it converts to what the billable method declares.
    private AsyncCollectionResult<StreamingChatCompletionUpdate> AskStreamingAsyncCore(string question, string? endUser, CancellationToken cancellationToken) =>
        chat.CompleteChatStreamingAsync([new UserChatMessage(question)], new ChatCompletionOptions { EndUserId = endUser }, cancellationToken);

    private Task<ChatResponse> SummarizeAsyncCore(string text, string? endUser, CancellationToken cancellationToken) =>
        agent.GetResponseAsync([new AIChatMessage(ChatRole.System, "Summarize in one sentence."), new AIChatMessage(ChatRole.User, text)], WithEndUser(endUser), cancellationToken);

    private IAsyncEnumerable<ChatResponseUpdate> DraftStreamingAsyncCore(string text, string? endUser, CancellationToken cancellationToken) =>
        agent.GetStreamingResponseAsync([new AIChatMessage(ChatRole.System, "Draft a short, friendly reply."), new AIChatMessage(ChatRole.User, text)], WithEndUser(endUser), cancellationToken);

    // Microsoft.Extensions.AI has no end-user option of its own: the OpenAI adapter starts from this raw options object.
    private static ChatOptions WithEndUser(string? endUser) => new()
    {
        RawRepresentationFactory = _ => new ChatCompletionOptions { EndUserId = endUser },
    };
}
