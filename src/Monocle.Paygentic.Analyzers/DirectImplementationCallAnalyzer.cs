using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// MPG0008: a call of the implementation of a <c>[BillableInference]</c> or <c>[BillingSubject]</c>
/// method (<c>AskCore</c>) from anywhere but the wrapper itself: the call is neither traced nor billed
/// (or runs without the subject scope the wrapper opens).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DirectImplementationCallAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DirectImplementationCall);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // The generated wrapper is the one caller that may call the implementation.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!BillingSymbols.TryCreate(start.Compilation, out var symbols) || (symbols.BillableInference is null && symbols.BillingSubject is null))
            {
                return;
            }

            start.RegisterOperationAction(operation => Analyze(operation, symbols), OperationKind.Invocation, OperationKind.MethodReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, BillingSymbols symbols)
    {
        var target = context.Operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };

        // Only source methods can be implementations this compilation wraps.
        if (target is null || target.Locations.Length == 0 || !target.Locations[0].IsInSource
            || symbols.WrapperOf(target.OriginalDefinition) is not { } wrapper
            || IsWrapperOrImplementation(context.ContainingSymbol, wrapper, target))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.DirectImplementationCall,
            context.Operation.Syntax.GetLocation(),
            target.Name,
            wrapper.Name));
    }

    private static bool IsWrapperOrImplementation(ISymbol caller, IMethodSymbol wrapper, IMethodSymbol target)
    {
        // The wrapper's body (hand-written in tests, generated in builds) and recursion in the implementation.
        for (var current = caller; current is not null; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol method
                && (SymbolEqualityComparer.Default.Equals(method, wrapper)
                    || SymbolEqualityComparer.Default.Equals(method, wrapper.PartialImplementationPart)
                    || SymbolEqualityComparer.Default.Equals(method.PartialDefinitionPart, wrapper)
                    || SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, target.OriginalDefinition)))
            {
                return true;
            }

            if (current is INamedTypeSymbol)
            {
                break;
            }
        }

        return false;
    }
}
