using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Monocle.Paygentic.CodeFixes;

/// <summary>
/// Wraps the statement that holds a billable call in a subject scope opened from a
/// <c>subscriptionId</c> or <c>customerId</c> parameter or local in scope there. A local declaration
/// gets a <c>using var</c> before it instead, so the variable it declares stays visible below; an
/// expression-bodied member becomes a block.
/// </summary>
internal static class SubjectScopeWrapper
{
    private const string ScopeVariable = "billingScope";

    /// <summary>The statement or expression body that holds <paramref name="call"/>, when it can be wrapped.</summary>
    public static SyntaxNode? WrapTarget(SyntaxNode call)
    {
        foreach (var ancestor in call.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case LocalDeclarationStatementSyntax declaration:
                    // 'using var' needs a block around it; a using declaration is already a scope of its own.
                    return declaration.Parent is BlockSyntax && declaration.UsingKeyword.IsKind(SyntaxKind.None) ? declaration : null;
                case StatementSyntax statement:
                    return statement;
                case ArrowExpressionClauseSyntax arrow when arrow.Parent is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax:
                    return arrow;
                case AnonymousFunctionExpressionSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The subject in scope at <paramref name="position"/>: (scope constant, variable name).</summary>
    public static (string Constant, string Variable)? FindSubject(SemanticModel model, int position)
    {
        foreach (var (name, constant) in new[] { ("subscriptionId", "SubscriptionId"), ("customerId", "CustomerId") })
        {
            foreach (var symbol in model.LookupSymbols(position, name: name))
            {
                var type = symbol switch
                {
                    IParameterSymbol parameter => parameter.Type,
                    ILocalSymbol local => local.Type,
                    _ => null,
                };
                if (type?.SpecialType == SpecialType.System_String)
                {
                    return (constant, name);
                }
            }
        }

        return null;
    }

    /// <summary>Wraps every target (outermost first; one nested in another is covered by it).</summary>
    public static SyntaxNode Wrap(SyntaxNode root, SemanticModel model, IEnumerable<SyntaxNode> targets)
    {
        var distinct = targets.Distinct().ToList();
        var outermost = distinct.Where(target => !distinct.Any(other => other != target && other.Span.Contains(target.Span))).ToList();
        var plans = new Dictionary<SyntaxNode, (string Constant, string Variable)>();
        foreach (var target in outermost)
        {
            if (FindSubject(model, target.SpanStart) is { } subject)
            {
                plans[target] = subject;
            }
        }

        var tracked = root.TrackNodes(plans.Keys);
        foreach (var pair in plans)
        {
            var current = tracked.GetCurrentNode(pair.Key);
            if (current is not null)
            {
                tracked = Apply(tracked, current, pair.Value, model, pair.Key);
            }
        }

        return tracked;
    }

    private static SyntaxNode Apply(SyntaxNode root, SyntaxNode target, (string Constant, string Variable) subject, SemanticModel model, SyntaxNode original)
    {
        var scope = ScopeExpression(model, original.SpanStart, subject);
        switch (target)
        {
            case LocalDeclarationStatementSyntax declaration:
            {
                var usingDeclaration = SyntaxFactory.LocalDeclarationStatement(
                        SyntaxFactory.VariableDeclaration(
                            SyntaxFactory.IdentifierName("var"),
                            SyntaxFactory.SingletonSeparatedList(
                                SyntaxFactory.VariableDeclarator(FreeName(model, original.SpanStart))
                                    .WithInitializer(SyntaxFactory.EqualsValueClause(scope)))))
                    .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return root.InsertNodesBefore(declaration, new[] { usingDeclaration });
            }

            case ArrowExpressionClauseSyntax arrow:
            {
                var body = ReturnsValue(model, original)
                    ? (StatementSyntax)SyntaxFactory.ReturnStatement(arrow.Expression.WithoutTrivia())
                    : SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia());
                var block = SyntaxFactory.Block(UsingStatement(scope, body)).WithAdditionalAnnotations(Formatter.Annotation);
                var member = arrow.Parent!;
                SyntaxNode replaced = member switch
                {
                    BaseMethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
                    LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
                    AccessorDeclarationSyntax accessor => accessor.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block),
                    _ => member,
                };
                return root.ReplaceNode(member, replaced.WithAdditionalAnnotations(Formatter.Annotation));
            }

            case StatementSyntax statement:
                return root.ReplaceNode(
                    statement,
                    UsingStatement(scope, statement.WithoutLeadingTrivia())
                        .WithLeadingTrivia(statement.GetLeadingTrivia())
                        .WithTrailingTrivia(statement.GetTrailingTrivia())
                        .WithAdditionalAnnotations(Formatter.Annotation));

            default:
                return root;
        }
    }

    private static UsingStatementSyntax UsingStatement(ExpressionSyntax scope, StatementSyntax body) =>
        SyntaxFactory.UsingStatement(null, scope, SyntaxFactory.Block(body.WithoutTrailingTrivia()));

    private static ExpressionSyntax ScopeExpression(SemanticModel model, int position, (string Constant, string Variable) subject) =>
        SyntaxFactory.ParseExpression(
            $"{MonocleNames.Type(model, position, "MonocleTrace")}.Scope({MonocleNames.Type(model, position, "MonocleScopes")}.{subject.Constant}, {subject.Variable})");

    private static bool ReturnsValue(SemanticModel model, SyntaxNode arrow)
    {
        var symbol = model.GetDeclaredSymbol(arrow.Parent!) as IMethodSymbol;
        if (symbol is null || symbol.ReturnsVoid)
        {
            return false;
        }

        // 'async Task M() => await x;' has nothing to return.
        return !(symbol.IsAsync && symbol.ReturnType is INamedTypeSymbol { IsGenericType: false });
    }

    private static string FreeName(SemanticModel model, int position)
    {
        var name = ScopeVariable;
        for (var i = 2; model.LookupSymbols(position, name: name).Length > 0; i++)
        {
            name = ScopeVariable + i;
        }

        return name;
    }
}
