using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Monocle.Paygentic.Diagnostics;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// MPG0004: <c>MonocleTrace.Scope("subscriptionID", ...)</c>, a scope name that is a spelling of a
/// billing-subject scope the exporter does not read (it compares names exactly), so the call bills nobody.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScopeNameAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The <c>MonocleScopes</c> constant to use instead, passed to the code fix.</summary>
    internal const string ConstantProperty = "Constant";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MisspeltScopeName);

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

            start.RegisterOperationAction(operation => Analyze(operation, symbols), OperationKind.Invocation);
        });
    }

    /// <summary>The subject scope <paramref name="name"/> misspells, as (exact name, MonocleScopes constant).</summary>
    internal static (string Name, string Constant)? Misspelt(string name)
    {
        if (name is "subscriptionId" or "customerId")
        {
            return null;
        }

        // Case, '_', '-', '.' and spaces are the mistakes seen in practice: subscription_id, SubscriptionID.
        var letters = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        return letters.ToString() switch
        {
            "subscriptionid" or "subscription" or "subid" => ("subscriptionId", "SubscriptionId"),
            "customerid" or "customer" => ("customerId", "CustomerId"),
            _ => null,
        };
    }

    private static void Analyze(OperationAnalysisContext context, BillingSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "Scope"
            || !symbols.IsScopeFactory(invocation.TargetMethod)
            || ScopeOperations.ScopeNameArgument(invocation) is not { } argument
            || argument.Value.ConstantValue is not { HasValue: true, Value: string name }
            || Misspelt(name) is not { } meant)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.MisspeltScopeName,
            argument.Value.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(ConstantProperty, meant.Constant),
            name,
            meant.Name,
            meant.Constant));
    }
}
