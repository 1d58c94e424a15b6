namespace Monocle.Paygentic.Sample.Meters;

/// <summary>What Paygentic metered for one subject and model.</summary>
internal sealed record MeterRow(string Subject, string Model, decimal PromptTokens, decimal CompletionTokens, decimal TotalTokens, decimal Events);
