using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Monocle.Paygentic.CodeFixes;

/// <summary>
/// A fix that replaces the flagged expression with the one the analyzer suggested (its diagnostic
/// carries the suggestion in a property): the shape of the MPG0002 and MPG0004 fixes.
/// </summary>
public abstract class ReplaceExpressionCodeFixProvider : CodeFixProvider
{
    private readonly string _diagnosticId;
    private readonly string _suggestionProperty;

    /// <summary>Creates the fix for one rule.</summary>
    /// <param name="diagnosticId">The rule fixed.</param>
    /// <param name="suggestionProperty">The diagnostic property that holds the suggestion.</param>
    private protected ReplaceExpressionCodeFixProvider(string diagnosticId, string suggestionProperty)
    {
        _diagnosticId = diagnosticId;
        _suggestionProperty = suggestionProperty;
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(_suggestionProperty, out var suggestion) || suggestion is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax flagged
                || Replacement(model, flagged, suggestion) is not { } replacement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(suggestion),
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(flagged, replacement.WithTriviaFrom(flagged)))),
                    _diagnosticId),
                diagnostic);
        }
    }

    /// <summary>The code action's title.</summary>
    /// <param name="suggestion">The analyzer's suggestion.</param>
    private protected abstract string Title(string suggestion);

    /// <summary>The expression to write instead of <paramref name="flagged"/>, or <see langword="null"/> when this one is not fixed here.</summary>
    /// <param name="model">The document's semantic model.</param>
    /// <param name="flagged">The flagged expression.</param>
    /// <param name="suggestion">The analyzer's suggestion.</param>
    private protected abstract ExpressionSyntax? Replacement(SemanticModel model, ExpressionSyntax flagged, string suggestion);
}
