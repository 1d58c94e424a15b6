using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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

            start.RegisterSymbolAction(symbol => Analyze(symbol, attribute), SymbolKind.Method);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol attribute)
    {
        // The two parts of a partial method share their attributes: report once, on the declaration.
        if (context.Symbol is IMethodSymbol { PartialDefinitionPart: not null })
        {
            return;
        }

        foreach (var data in context.Symbol.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)
                || data.ConstructorArguments.Length == 0
                || data.ConstructorArguments[0].Value is not string provider
                || KnownProviders.NearMiss(provider) is not { } suggestion)
            {
                continue;
            }

            var location = data.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
                ? syntax.ArgumentList.Arguments[0].Expression.GetLocation()
                : context.Symbol.Locations[0];
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.ProviderNearMiss,
                location,
                ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion),
                provider,
                suggestion));
        }
    }
}
