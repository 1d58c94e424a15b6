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

/// <summary>MPG0004 fix: replace a misspelt subject scope name with <c>MonocleScopes.SubscriptionId</c> (or <c>CustomerId</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ScopeNameCodeFixProvider))]
[Shared]
public sealed class ScopeNameCodeFixProvider : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.MisspeltScopeName.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ScopeNameAnalyzer.ConstantProperty, out var constant) || constant is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax name)
            {
                continue;
            }

            var replacement = SyntaxFactory.ParseExpression(MonocleNames.Type(model, name.SpanStart, "MonocleScopes") + "." + constant)
                .WithTriviaFrom(name);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use MonocleScopes." + constant,
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(name, replacement))),
                    "MPG0004"),
                diagnostic);
        }
    }
}
