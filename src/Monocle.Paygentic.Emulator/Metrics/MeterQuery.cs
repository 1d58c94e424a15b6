namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>The parameters of <c>GET /v0/billableMetrics/{id}/meter</c>, validated.</summary>
internal sealed record MeterQuery(
    DateTimeOffset From,
    DateTimeOffset To,
    string? Subject,
    WindowSize? WindowSize,
    IReadOnlyList<string> GroupBy,
    IReadOnlyDictionary<string, string> FilterGroupBy);
