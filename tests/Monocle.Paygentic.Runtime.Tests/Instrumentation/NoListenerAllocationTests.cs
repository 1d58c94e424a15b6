using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Tests.Support;

namespace Monocle.Paygentic.Tests.Instrumentation;

/// <summary>With nobody listening, the contract API costs nothing: no span, no allocation.</summary>
[Collection(NoListenerCollection.Name)]
public sealed class NoListenerAllocationTests
{
    private const int Calls = 10_000;

    [Fact]
    public void The_contract_API_allocates_nothing_when_no_listener_is_attached()
    {
        Assert.False(InferenceSpan.IsEnabled, "a listener from another test is still attached");
        var usage = new InferenceUsage { PromptTokens = 1, CompletionTokens = 2, FinishReason = "stop", Model = "m" };
        Exercise(usage);   // JIT and statics first

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            Exercise(usage);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    private static void Exercise(in InferenceUsage usage)
    {
        _ = InferenceSpan.IsEnabled;
        var span = InferenceSpan.Start("openai", "Assistant.Ask", "gpt-4o-mini", "https://api.openai.com");
        span.SetModel("gpt-4o-mini");
        span.End(usage);
        InferenceSpan.Start("openai", "Assistant.Stream").EndAbandoned(usage);
        _ = MonocleTrace.ReportUsage(usage);
    }
}
