using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Monocle.Paygentic.Analyzers;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.CodeFixes;

/// <summary>MPG0002 fix: replace a near-miss provider name with the known provider it resembles.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProviderNameCodeFixProvider))]
[Shared]
public sealed class ProviderNameCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ProviderNearMiss.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // Only a literal is rewritten; a misspelt constant is fixed where it is declared.
            if (!diagnostic.Properties.TryGetValue(ProviderNameAnalyzer.SuggestionProperty, out var provider) || provider is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
            {
                continue;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(provider))
                .WithTriviaFrom(literal);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use \"{provider}\"",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                    "MPG0002"),
                diagnostic);
        }
    }
}
