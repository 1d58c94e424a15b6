using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Monocle.Paygentic.Analyzers;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.CodeFixes;

/// <summary>MPG0002 fix: replace a near-miss provider name with the known provider it resembles.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProviderNameCodeFixProvider))]
[Shared]
public sealed class ProviderNameCodeFixProvider : ReplaceExpressionCodeFixProvider
{
    /// <summary>Creates the fix.</summary>
    public ProviderNameCodeFixProvider()
        : base(DiagnosticDescriptors.ProviderNearMiss.Id, ProviderNameAnalyzer.SuggestionProperty)
    {
    }

    private protected override string Title(string suggestion) => $"Use \"{suggestion}\"";

    // Only a literal is rewritten; a misspelt constant is fixed where it is declared.
    private protected override ExpressionSyntax? Replacement(SemanticModel model, ExpressionSyntax flagged, string suggestion) =>
        flagged is LiteralExpressionSyntax
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion))
            : null;
}
