using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// MPG0010: a string literal that holds a Paygentic API key, <c>sk_live_</c> or <c>sk_test_</c>
/// followed by a key body. The bare prefix (<c>key.StartsWith("sk_live_")</c>) and placeholders with
/// words between underscores (<c>sk_live_YOUR_API_KEY</c>) are not keys.
/// </summary>
/// <remarks>Runs on every project, with or without the runtime: a key leaks wherever it is written.</remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiKeyLiteralAnalyzer : DiagnosticAnalyzer
{
    // Real keys carry a long random body; 12 letters or digits leaves no room for a word placeholder.
    private const int MinimumBodyLength = 12;

    private static readonly string[] Prefixes = { "sk_live_", "sk_test_" };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ApiKeyInSource);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // A key committed in generated code leaks all the same.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(Analyze);
    }

    private static void Analyze(SyntaxTreeAnalysisContext context)
    {
        // Almost no file mentions a key prefix: a text search is far cheaper than walking every token.
        var source = context.Tree.GetText(context.CancellationToken).ToString();
        if (source.IndexOf("sk_live_", System.StringComparison.Ordinal) < 0 && source.IndexOf("sk_test_", System.StringComparison.Ordinal) < 0)
        {
            return;
        }

        var root = context.Tree.GetRoot(context.CancellationToken);
        foreach (var token in root.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken)
                && !token.IsKind(SyntaxKind.InterpolatedStringTextToken)
                && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                && !token.IsKind(SyntaxKind.Utf8StringLiteralToken))
            {
                continue;
            }

            var text = token.ValueText;
            foreach (var prefix in Prefixes)
            {
                var at = text.IndexOf(prefix, System.StringComparison.Ordinal);
                while (at >= 0)
                {
                    var end = at + prefix.Length;
                    while (end < text.Length && char.IsLetterOrDigit(text[end]) && text[end] < 128)
                    {
                        end++;
                    }

                    if (end - at - prefix.Length >= MinimumBodyLength)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ApiKeyInSource, token.GetLocation(), prefix));
                        break;
                    }

                    at = text.IndexOf(prefix, end, System.StringComparison.Ordinal);
                }
            }
        }
    }
}
