namespace Monocle.Paygentic.Generators.Model;

/// <summary>
/// What parsing one annotated method gives: the method to emit (none when the declaration is in error) and
/// the diagnostics to report. The two are split into separate pipelines right after parsing.
/// </summary>
internal sealed record ParseResult(MethodSpec? Method, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static ParseResult Nothing { get; } = new(null, EquatableArray<DiagnosticInfo>.Empty);
}
