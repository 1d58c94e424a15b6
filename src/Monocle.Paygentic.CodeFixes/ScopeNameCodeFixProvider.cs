using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Monocle.Paygentic.Analyzers;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.CodeFixes;

/// <summary>MPG0004 fix: replace a misspelt subject scope name with <c>MonocleScopes.SubscriptionId</c> (or <c>CustomerId</c>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ScopeNameCodeFixProvider))]
[Shared]
public sealed class ScopeNameCodeFixProvider : ReplaceExpressionCodeFixProvider
{
    /// <summary>Creates the fix.</summary>
    public ScopeNameCodeFixProvider()
        : base(DiagnosticDescriptors.MisspeltScopeName.Id, ScopeNameAnalyzer.ConstantProperty)
    {
    }

    private protected override string Title(string suggestion) => "Use MonocleScopes." + suggestion;

    private protected override ExpressionSyntax Replacement(SemanticModel model, ExpressionSyntax flagged, string suggestion) =>
        SyntaxFactory.ParseExpression(MonocleNames.Type(model, flagged.SpanStart, "MonocleScopes") + "." + suggestion);
}
