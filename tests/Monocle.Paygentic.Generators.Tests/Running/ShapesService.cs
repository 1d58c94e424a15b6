using System.Runtime.CompilerServices;
using Monocle.Paygentic;

namespace Monocle.Paygentic.Generators.Tests.Running;

/// <summary>One billable method per return shape; each implementation records what it saw.</summary>
public sealed partial class ShapesService
{
    public System.Diagnostics.Activity? SeenActivity { get; private set; }

    public string? SeenSubject { get; private set; }

    public Exception? Failure { get; set; }

    [BillableInference("openai", Model = "gpt-4o-mini")]
    public partial Answer Ask(string question);

    private Answer AskCore(string question)
    {
        Observe();
        return Failure is null ? Reply(question) : throw Failure;
    }

    [BillableInference("openai", Model = "gpt-4o-mini")]
    public partial Answer AskCounting(ref int attempts, out string? requestId, in long budget);

    private Answer AskCountingCore(ref int attempts, out string? requestId, in long budget)
    {
        Observe();
        attempts++;
        requestId = "req_" + attempts + "_" + budget;
        return Reply("counting");
    }

    [BillableInference("openai")]
    public partial Task<Answer> AskAsync(string question, [InferenceModel] string model, CancellationToken cancellationToken = default);

    private async Task<Answer> AskAsyncCore(string question, string model, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        Observe();
        return Failure is null ? Reply(question) : throw Failure;
    }

    [BillableInference("openai")]
    public partial ValueTask<Answer> AskValueAsync(string question);

    private ValueTask<Answer> AskValueAsyncCore(string question)
    {
        Observe();
        return new ValueTask<Answer>(Reply(question));
    }

    [BillableInference("anthropic")]
    public partial Task NotifyAsync([BillingSubject] string? subscriptionId, int tokens);

    private async Task NotifyAsyncCore(string? subscriptionId, int tokens)
    {
        await Task.Yield();
        Observe();
        MonocleTrace.ReportUsage(new InferenceUsage { PromptTokens = tokens, CompletionTokens = 1 });
    }

    [BillableInference("anthropic")]
    public partial ValueTask NotifyValueAsync(int tokens);

    private ValueTask NotifyValueAsyncCore(int tokens)
    {
        Observe();
        MonocleTrace.ReportUsage(new InferenceUsage { PromptTokens = tokens });
        return default;
    }

    [BillableInference("groq")]
    public partial void Log(int tokens);

    private void LogCore(int tokens)
    {
        Observe();
        MonocleTrace.ReportUsage(new InferenceUsage { TotalTokens = tokens });
    }

    [BillableInference("openai")]
    public partial Holder<Answer> AskHeld(string question);

    private Holder<Answer> AskHeldCore(string question) => new(Reply(question));

    [BillableInference("openai")]
    public partial IAsyncEnumerable<Chunk> StreamAsync(string question, int chunks, CancellationToken cancellationToken = default);

    private async IAsyncEnumerable<Chunk> StreamAsyncCore(string question, int chunks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < chunks; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            Observe();
            StreamObservations.Add((System.Diagnostics.Activity.Current, MonocleTrace.GetScopeValue(MonocleScopes.SubscriptionId)));
            if (Failure is not null && i == 1)
            {
                throw Failure;
            }

            yield return i == chunks - 1
                ? new Chunk { Text = "end", InputTokens = question.Length, OutputTokens = chunks }
                : new Chunk { Text = "part" + i };
        }
    }

    /// <summary>What the stream's implementation saw after each resumption.</summary>
    public List<(System.Diagnostics.Activity? Activity, string? Subject)> StreamObservations { get; } = [];

    [BillingSubject(BillingSubjectKind.Customer)]
    public partial string WhoPays(string customerId);

    private string WhoPaysCore(string customerId) =>
        MonocleTrace.GetScopeValue(MonocleScopes.CustomerId) + "|" + MonocleTrace.GetScopeValue(MonocleScopes.SubscriptionId);

    [BillingSubject]
    public partial IAsyncEnumerable<string?> SubjectsAsync(string? subscriptionId, int count);

    private async IAsyncEnumerable<string?> SubjectsAsyncCore(string? subscriptionId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return MonocleTrace.GetScopeValue(MonocleScopes.SubscriptionId);
        }
    }

    [BillingSubject]
    public partial Task<string?> SubjectLaterAsync(string? subscriptionId);

    private async Task<string?> SubjectLaterAsyncCore(string? subscriptionId)
    {
        await Task.Delay(1);
        return MonocleTrace.GetScopeValue(MonocleScopes.SubscriptionId);
    }

    private void Observe()
    {
        SeenActivity = System.Diagnostics.Activity.Current;
        SeenSubject = MonocleTrace.GetScopeValue(MonocleScopes.SubscriptionId);
    }

    internal static Answer Reply(string question) =>
        new() { Text = "re: " + question, InputTokens = question.Length, OutputTokens = 7, Reason = "stop", ServedBy = "gpt-4o-mini-2024" };
}
