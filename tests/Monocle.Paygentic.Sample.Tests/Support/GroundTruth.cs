using Monocle.Paygentic.Sample.FakeOpenAI;

namespace Monocle.Paygentic.Sample.Tests.Support;

/// <summary>What the fake OpenAI server issued, summed by the test per subject (the request's <c>user</c>) and model.</summary>
internal sealed record GroundTruth(string Subject, string Model, int PromptTokens, int CompletionTokens, int TotalTokens, int Calls)
{
    public static IReadOnlyList<GroundTruth> Of(IEnumerable<IssuedUsage> issued) =>
        [.. issued
            .Where(u => u.EndUser is not null)
            .GroupBy(u => (Subject: u.EndUser!, u.Model))
            .Select(g => new GroundTruth(g.Key.Subject, g.Key.Model, g.Sum(u => u.PromptTokens), g.Sum(u => u.CompletionTokens), g.Sum(u => u.TotalTokens), g.Count()))
            .OrderBy(t => t.Subject, StringComparer.Ordinal)
            .ThenBy(t => t.Model, StringComparer.Ordinal)];
}
