using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// MPG0012: a scope that is opened and never disposed (its result discarded, or held in a local that is
/// never disposed, returned or handed on). MPG0013: a scope opened inside an iterator and held across
/// <c>yield return</c>, where it leaks into the caller's loop body and is gone when the iterator resumes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeLifetimeAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ScopeNotDisposed, DiagnosticDescriptors.ScopeAcrossYield);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!BillingSymbols.TryCreate(start.Compilation, out var symbols))
            {
                return;
            }

            start.RegisterOperationAction(operation => AnalyzeScope(operation, symbols), OperationKind.Invocation);
            start.RegisterOperationAction(operation => AnalyzeYield(operation, symbols), OperationKind.YieldReturn);
        });
    }

    private static void AnalyzeScope(OperationAnalysisContext context, BillingSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!symbols.IsScopeFactory(invocation.TargetMethod) || !IsNeverDisposed(invocation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ScopeNotDisposed, invocation.Syntax.GetLocation()));
    }

    private static bool IsNeverDisposed(IInvocationOperation invocation)
    {
        var parent = invocation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IExpressionStatementOperation:
                return true; // MonocleTrace.Scope(...);
            case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                return true; // _ = MonocleTrace.Scope(...);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                // declarator → declaration → declaration group → using statement or using declaration
                return declarator.Parent?.Parent?.Parent is not (IUsingDeclarationOperation or IUsingOperation)
                    && !IsHandledLater(declarator.Symbol, invocation);
            default:
                // Returned, passed on, stored in a field, or the resource of a using: owned elsewhere.
                return false;
        }
    }

    // A local that is disposed, used in a 'using', returned, stored or passed on somewhere in the body.
    private static bool IsHandledLater(ILocalSymbol local, IOperation from)
    {
        var root = from;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            // Reading .Name or .Value is not a hand-off; anything else (Dispose, using, return, argument) is.
            if (reference.Parent is IPropertyReferenceOperation { Property.Name: "Name" or "Value" })
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private static void AnalyzeYield(OperationAnalysisContext context, BillingSymbols symbols)
    {
        var yield = context.Operation;
        var current = yield;
        while (current.Parent is { } parent)
        {
            // A lambda or local function is an iterator of its own; stop at its edge.
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return;
            }

            if (ScopeOperations.ScopeOpenedBy(parent, current, symbols, subjectOnly: false) is { } scope)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ScopeAcrossYield, scope.Syntax.GetLocation()));
                return;
            }

            current = parent;
        }
    }
}
