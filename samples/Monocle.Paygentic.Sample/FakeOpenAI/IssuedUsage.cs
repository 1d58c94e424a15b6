namespace Monocle.Paygentic.Sample.FakeOpenAI;

/// <summary>The tokens the fake OpenAI server issued for one chat completion: the run's ground truth.</summary>
/// <param name="EndUser">The request's <c>user</c> field (the billing subject the service sent); null when none was sent.</param>
/// <param name="Model">The model asked for.</param>
/// <param name="PromptTokens">Prompt tokens counted.</param>
/// <param name="CompletionTokens">Completion tokens written.</param>
/// <param name="Streamed">Whether the answer was streamed.</param>
internal sealed record IssuedUsage(string? EndUser, string Model, int PromptTokens, int CompletionTokens, bool Streamed)
{
    /// <summary>Prompt plus completion tokens.</summary>
    public int TotalTokens => PromptTokens + CompletionTokens;
}
