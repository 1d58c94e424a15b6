using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// MPG0002: <c>[BillableInference("open_ai")]</c>, a provider name one or two edits from a known one.
/// Its events would be typed <c>ai.inference.open_ai</c> and match no billable metric.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProviderNameAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The known provider meant, passed to the code fix.</summary>
    internal const string SuggestionProperty = "Suggestion";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ProviderNearMiss);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attribute = start.Compilation.GetTypeByMetadataName("Monocle.Paygentic.BillableInferenceAttribute");
            if (attribute is null)
            {
                return;
            }

            // The attribute as written, not the method symbol: the implementing part of the partial method
            // is generated, and a symbol action may only ever see that part.
            start.RegisterSyntaxNodeAction(node => Analyze(node, attribute), SyntaxKind.Attribute);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attribute)
    {
        var syntax = (AttributeSyntax)context.Node;
        if (syntax.ArgumentList is not { Arguments.Count: > 0 } arguments
            || arguments.Arguments[0].NameEquals is not null
            || context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol constructor
            || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, attribute))
        {
            return;
        }

        var argument = arguments.Arguments[0].Expression;
        if (context.SemanticModel.GetConstantValue(argument, context.CancellationToken) is not { HasValue: true, Value: string provider }
            || KnownProviders.NearMiss(provider) is not { } suggestion)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ProviderNearMiss,
            argument.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion),
            provider,
            suggestion));
    }
}
