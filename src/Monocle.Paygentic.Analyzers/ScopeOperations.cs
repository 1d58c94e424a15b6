using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// Finds the trace scope that is open at an operation because of the code around it: a
/// <c>using (MonocleTrace.Scope(...))</c> statement, an earlier <c>using var s = MonocleTrace.Scope(...)</c>
/// declaration in an enclosing block, or a <c>try</c> whose <c>finally</c> disposes a scope declared
/// just before it. Shared by MPG0001 (is a subject scope open?) and MPG0013 (is a scope held across yield?).
/// </summary>
internal static class ScopeOperations
{
    /// <summary>
    /// The scope-opening call that covers <paramref name="child"/> as a direct child of
    /// <paramref name="parent"/>, or <see langword="null"/>.
    /// </summary>
    public static IInvocationOperation? ScopeOpenedBy(IOperation parent, IOperation child, BillingSymbols symbols, bool subjectOnly)
    {
        switch (parent)
        {
            case IUsingOperation @using when !ReferenceEquals(child, @using.Resources):
                return FindScopeIn(@using.Resources, symbols, subjectOnly);

            case IBlockOperation block:
                IInvocationOperation? declared = null;
                ILocalSymbol? declaredLocal = null;
                foreach (var statement in block.Operations)
                {
                    if (ReferenceEquals(statement, child))
                    {
                        return declared;
                    }

                    if (statement is IUsingDeclarationOperation usingDeclaration
                        && FindDeclaredScope(usingDeclaration.DeclarationGroup, symbols, subjectOnly) is { } found)
                    {
                        (declared, declaredLocal) = found;
                    }
                    else if (declaredLocal is not null
                        && statement is IExpressionStatementOperation { Operation: IInvocationOperation { TargetMethod.Name: "Dispose" } dispose }
                        && DisposedLocal(dispose) is { } disposed
                        && SymbolEqualityComparer.Default.Equals(disposed, declaredLocal))
                    {
                        // 'using var s = ...; s.Dispose();' closes the scope before the end of the block.
                        (declared, declaredLocal) = (null, null);
                    }
                }

                return declared;

            case ITryOperation @try when ReferenceEquals(child, @try.Body) && @try.Finally is not null:
                return ScopeDisposedIn(@try, symbols, subjectOnly);

            default:
                return null;
        }
    }

    /// <summary>A <c>MonocleTrace.Scope</c>/<c>BillingSubject</c> call, when <paramref name="operation"/> is one (through conversions).</summary>
    public static IInvocationOperation? AsScopeFactoryCall(IOperation? operation, BillingSymbols symbols)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation is IInvocationOperation invocation && symbols.IsScopeFactory(invocation.TargetMethod) ? invocation : null;
    }

    /// <summary>
    /// A scope that names the billing subject: <c>BillingSubject(...)</c>, or <c>Scope</c> of subscriptionId/customerId.
    /// A scope whose value is a constant null, empty or blank string names nobody: it covers nothing.
    /// </summary>
    public static bool IsSubjectScope(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name == "BillingSubject")
        {
            return !IsBlankConstant(Argument(invocation, "subjectId"));
        }

        var name = ScopeNameArgument(invocation)?.Value.ConstantValue;
        return name is { HasValue: true, Value: "subscriptionId" or "customerId" } && !IsBlankConstant(Argument(invocation, "value"));
    }

    private static bool IsBlankConstant(IArgumentOperation? argument) =>
        argument?.Value.ConstantValue is { HasValue: true } constant
        && (constant.Value is null || (constant.Value is string text && string.IsNullOrWhiteSpace(text)));

    private static IArgumentOperation? Argument(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The <c>name</c> argument of <c>MonocleTrace.Scope(name, value)</c>.</summary>
    public static IArgumentOperation? ScopeNameArgument(IInvocationOperation invocation) => Argument(invocation, "name");

    private static IInvocationOperation? FindScopeIn(IOperation? resources, BillingSymbols symbols, bool subjectOnly) =>
        resources is IVariableDeclarationGroupOperation group
            ? FindDeclaredScope(group, symbols, subjectOnly)?.Scope
            : Matching(AsScopeFactoryCall(resources, symbols), subjectOnly);

    private static (IInvocationOperation Scope, ILocalSymbol Local)? FindDeclaredScope(IVariableDeclarationGroupOperation group, BillingSymbols symbols, bool subjectOnly)
    {
        foreach (var declaration in group.Declarations)
        {
            foreach (var declarator in declaration.Declarators)
            {
                if (Matching(AsScopeFactoryCall(declarator.Initializer?.Value, symbols), subjectOnly) is { } found)
                {
                    return (found, declarator.Symbol);
                }
            }
        }

        return null;
    }

    /// <summary>The local that a <c>x.Dispose()</c> or <c>x?.Dispose()</c> call disposes.</summary>
    public static ILocalSymbol? DisposedLocal(IInvocationOperation dispose)
    {
        var instance = dispose.Instance;
        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        if (instance is IConditionalAccessInstanceOperation)
        {
            for (var parent = dispose.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    instance = access.Operation;
                    break;
                }
            }
        }

        return (instance as ILocalReferenceOperation)?.Local;
    }

    private static IInvocationOperation? Matching(IInvocationOperation? scope, bool subjectOnly) =>
        scope is not null && (!subjectOnly || IsSubjectScope(scope)) ? scope : null;

    // var scope = MonocleTrace.Scope(...); try { ... } finally { scope.Dispose(); }
    private static IInvocationOperation? ScopeDisposedIn(ITryOperation @try, BillingSymbols symbols, bool subjectOnly)
    {
        if (@try.Parent is not IBlockOperation block)
        {
            return null;
        }

        foreach (var disposal in @try.Finally!.Descendants())
        {
            if (disposal is not IInvocationOperation { TargetMethod.Name: "Dispose" } dispose
                || DisposedLocal(dispose) is not { } disposed)
            {
                continue;
            }

            foreach (var statement in block.Operations)
            {
                if (ReferenceEquals(statement, @try))
                {
                    break;
                }

                if (statement is not IVariableDeclarationGroupOperation group)
                {
                    continue;
                }

                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, disposed)
                            && Matching(AsScopeFactoryCall(declarator.Initializer?.Value, symbols), subjectOnly) is { } found)
                        {
                            return found;
                        }
                    }
                }
            }
        }

        return null;
    }
}
