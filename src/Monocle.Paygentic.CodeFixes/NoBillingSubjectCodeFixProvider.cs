using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.CodeFixes;

/// <summary>
/// MPG0001 fixes: wrap the call in a subject scope (when a <c>subscriptionId</c>/<c>customerId</c>
/// parameter or local is in scope to open it from), or move the requirement to the callers with
/// <c>[RequiresBillingSubject]</c> on the enclosing method or local function.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoBillingSubjectCodeFixProvider))]
[Shared]
public sealed class NoBillingSubjectCodeFixProvider : CodeFixProvider
{
    /// <summary>Equivalence key of the "wrap in a scope" fix.</summary>
    public const string WrapKey = "MPG0001.WrapInScope";

    /// <summary>Equivalence key of the "move the requirement to callers" fix.</summary>
    public const string RequireKey = "MPG0001.RequiresBillingSubject";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.NoBillingSubject.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => new FixAll();

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
            var call = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (SubjectScopeWrapper.WrapTarget(call) is { } target && SubjectScopeWrapper.FindSubject(model, target.SpanStart) is { } subject)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Wrap in MonocleTrace.Scope(MonocleScopes.{subject.Constant}, {subject.Variable})",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(SubjectScopeWrapper.Wrap(root, model, new[] { target }))),
                        WrapKey),
                    diagnostic);
            }

            if (RequirementTarget(call) is { } member)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Require callers to provide the billing subject ([RequiresBillingSubject])",
                        _ => Task.FromResult(context.Document.WithSyntaxRoot(AddRequirement(root, model, new[] { member }))),
                        RequireKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The method, constructor or local function the call is in, unless a lambda comes first.</summary>
    private static SyntaxNode? RequirementTarget(SyntaxNode call)
    {
        foreach (var ancestor in call.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax:
                    return null;
                case LocalFunctionStatementSyntax or MethodDeclarationSyntax or ConstructorDeclarationSyntax:
                    return ancestor;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static SyntaxNode AddRequirement(SyntaxNode root, SemanticModel model, IEnumerable<SyntaxNode> members) =>
        root.ReplaceNodes(members.Distinct(), (original, member) =>
        {
            var name = MonocleNames.Type(model, original.SpanStart, "RequiresBillingSubjectAttribute");
            var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(SyntaxFactory.ParseName(name.Substring(0, name.Length - "Attribute".Length)))));
            var leading = member.GetLeadingTrivia();
            var annotated = member switch
            {
                LocalFunctionStatementSyntax local => (SyntaxNode)local.WithoutLeadingTrivia().AddAttributeLists(attribute),
                BaseMethodDeclarationSyntax method => method.WithoutLeadingTrivia().AddAttributeLists(attribute),
                _ => member,
            };
            return annotated.WithLeadingTrivia(leading).WithAdditionalAnnotations(Formatter.Annotation);
        });

    /// <summary>Fixes every MPG0001 of a document in one edit, so two calls in one statement or method are fixed once.</summary>
    private sealed class FixAll : DocumentBasedFixAllProvider
    {
        protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var root = await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var calls = diagnostics.Select(diagnostic => root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true));
            if (fixAllContext.CodeActionEquivalenceKey == RequireKey)
            {
                return document.WithSyntaxRoot(AddRequirement(root, model, calls.Select(RequirementTarget).OfType<SyntaxNode>()));
            }

            var targets = calls.Select(SubjectScopeWrapper.WrapTarget).OfType<SyntaxNode>();
            return document.WithSyntaxRoot(SubjectScopeWrapper.Wrap(root, model, targets));
        }
    }
}
