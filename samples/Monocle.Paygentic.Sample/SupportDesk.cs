using System.Text;
using Microsoft.Extensions.AI;

namespace Monocle.Paygentic.Sample;

/// <summary>
/// The service's entry points. Each <c>[BillingSubject]</c> method gets a generated wrapper that opens the
/// billing scope (the subscription or customer that pays) around its <c>…Core</c> implementation, so every
/// inference call inside is billed to that subject.
/// </summary>
internal sealed partial class SupportDesk(Assistant assistant)
{
    /// <summary>Answers a support ticket for a subscription.</summary>
    [BillingSubject]
    public partial Task<string> AnswerTicketAsync(string subscriptionId, string question, CancellationToken cancellationToken = default);

    /// <summary>Answers live chat for a subscription, streaming the answer.</summary>
    [BillingSubject]
    public partial Task<string> ChatLiveAsync(string subscriptionId, string message, CancellationToken cancellationToken = default);

    /// <summary>Summarizes a conversation, then drafts the reply (streaming), for a subscription.</summary>
    [BillingSubject]
    public partial Task<string> TriageAsync(string subscriptionId, string conversation, CancellationToken cancellationToken = default);

    /// <summary>A monthly report billed to a customer rather than to one of its subscriptions.</summary>
    [BillingSubject(BillingSubjectKind.Customer)]
    public partial Task<string> MonthlyReportAsync(string customerId, string activity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Warms the model up at start-up. No subscription or customer is in scope here: the build warns
    /// (MPG0001) and the exporter drops the call's usage with a "no subject" warning. Deliberate, to show both.
    /// </summary>
    public async Task<string> WarmUpAsync(CancellationToken cancellationToken = default)
    {
        var result = await assistant.AskAsync("ping", endUser: null, cancellationToken).ConfigureAwait(false);
        return result.Value.Content[0].Text;
    }

    private async Task<string> AnswerTicketAsyncCore(string subscriptionId, string question, CancellationToken cancellationToken)
    {
        var result = await assistant.AskAsync(question, subscriptionId, cancellationToken).ConfigureAwait(false);
        return result.Value.Content[0].Text;
    }

    private async Task<string> ChatLiveAsyncCore(string subscriptionId, string message, CancellationToken cancellationToken)
    {
        var answer = new StringBuilder();
        await foreach (var update in assistant.AskStreamingAsync(message, subscriptionId, cancellationToken).ConfigureAwait(false))
        {
            foreach (var part in update.ContentUpdate)
            {
                answer.Append(part.Text);
            }
        }

        return answer.ToString();
    }

    private async Task<string> TriageAsyncCore(string subscriptionId, string conversation, CancellationToken cancellationToken)
    {
        var summary = await assistant.SummarizeAsync(conversation, subscriptionId, cancellationToken).ConfigureAwait(false);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in assistant.DraftStreamingAsync(summary.Text, subscriptionId, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse().Text;
    }

    private async Task<string> MonthlyReportAsyncCore(string customerId, string activity, CancellationToken cancellationToken)
    {
        var report = await assistant.SummarizeAsync(activity, customerId, cancellationToken).ConfigureAwait(false);
        return report.Text;
    }
}
