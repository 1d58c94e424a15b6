using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// MPG0001: a billable call (a <c>[BillableInference]</c> or <c>[RequiresBillingSubject]</c> method, or a
/// known provider SDK call) where no billing subject can be in scope, so its usage event would be dropped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoBillingSubjectAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The name of the called method, passed to the code fixes.</summary>
    internal const string CalleeProperty = "Callee";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.NoBillingSubject);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Generated code is the generator's wrappers: they are the thing that provides the scope.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!BillingSymbols.TryCreate(start.Compilation, out var symbols) || symbols.AssemblyOptsOut)
            {
                return;
            }

            var coverage = new BillingSubjectCoverage(symbols);
            var billable = new ConcurrentDictionary<IMethodSymbol, bool>(SymbolEqualityComparer.Default);
            start.RegisterOperationAction(
                operation => Analyze(operation, symbols, coverage, billable),
                OperationKind.Invocation);
        });
    }

    private static void Analyze(
        OperationAnalysisContext context,
        BillingSymbols symbols,
        BillingSubjectCoverage coverage,
        ConcurrentDictionary<IMethodSymbol, bool> billable)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var target = invocation.TargetMethod.OriginalDefinition;
        if (!billable.GetOrAdd(target, method => IsBillable(method, symbols))
            || coverage.IsCovered(invocation, context.ContainingSymbol))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(CalleeProperty, target.Name);
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.NoBillingSubject,
            NameLocation(invocation),
            properties,
            target.ContainingType is { } type ? type.Name + "." + target.Name : target.Name));
    }

    private static bool IsBillable(IMethodSymbol method, BillingSymbols symbols)
    {
        if (BillingSymbols.MethodHasAttribute(method, symbols.RequiresBillingSubject))
        {
            return true;
        }

        if (BillingSymbols.MethodHasAttribute(method, symbols.BillableInference))
        {
            // A [BillingSubject] parameter or attribute makes the wrapper open its own scope.
            return !symbols.ProvidesSubject(method);
        }

        return KnownSdkCalls.IsBillable(method);
    }

    // The method name, so the squiggle sits on 'CompleteChatAsync', not on the whole argument list.
    private static Location NameLocation(IInvocationOperation invocation)
    {
        var syntax = invocation.Syntax;
        if (syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call)
        {
            return call.Expression switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => member.Name.GetLocation(),
                Microsoft.CodeAnalysis.CSharp.Syntax.MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
                var expression => expression.GetLocation(),
            };
        }

        return syntax.GetLocation();
    }
}
