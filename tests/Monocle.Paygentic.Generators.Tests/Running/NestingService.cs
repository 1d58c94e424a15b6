using Monocle.Paygentic;

namespace Monocle.Paygentic.Generators.Tests.Running;

/// <summary>An agent method around chat methods: §5.4, one billable event per provider call.</summary>
public sealed partial class NestingService
{
    private readonly ShapesService _chat = new();

    [BillableInference("openai")]
    public partial Task<Answer> AgentAsync(string question);

    private async Task<Answer> AgentAsyncCore(string question)
    {
        var first = await _chat.AskAsync(question, "gpt-4o");
        var second = _chat.Ask(question + "?");
        return new Answer
        {
            Text = first.Text + second.Text,
            InputTokens = first.InputTokens + second.InputTokens,
            OutputTokens = first.OutputTokens + second.OutputTokens,
        };
    }

    [BillableInference("openai")]
    public partial Answer Planner(string question);

    // Its callees bill nothing (a tool call, not a provider call): the planner bills itself.
    private Answer PlannerCore(string question)
    {
        Tool(question);
        return ShapesService.Reply(question);
    }

    private static void Tool(string question) => _ = question.Length;
}
