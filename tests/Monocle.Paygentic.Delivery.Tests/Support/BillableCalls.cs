using System.Diagnostics;
using Monocle.Paygentic.Instrumentation;

namespace Monocle.Paygentic.Delivery.Tests.Support;

/// <summary>Makes billable provider calls the way generated wrappers do.</summary>
internal static class BillableCalls
{
    /// <summary>One OpenAI-style call billed to <paramref name="subscriptionId"/>; returns the idempotency key its event must carry.</summary>
    public static string Call(string subscriptionId, long promptTokens, long completionTokens, string provider = "openai", string model = "gpt-4o")
    {
        using var scope = MonocleTrace.Scope(MonocleScopes.SubscriptionId, subscriptionId);
        var span = InferenceSpan.Start(provider, "Assistant.Ask", model: model);
        var activity = span.Activity ?? throw new InvalidOperationException("No listener sampled the inference span.");
        span.End(new InferenceUsage { PromptTokens = promptTokens, CompletionTokens = completionTokens, FinishReason = "stop" });
        return IdempotencyKey(activity);
    }

    public static string IdempotencyKey(Activity activity) => $"{activity.TraceId.ToHexString()}_{activity.SpanId.ToHexString()}";
}
