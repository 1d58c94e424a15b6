using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// Decides whether a billing subject can be in scope at a billable call (MPG0001). The rules, and
/// why, are in docs/diagnostics/MPG0001.md; in short: a subject scope opened around the call by
/// <c>using</c> (or try/finally), a lambda that runs where it is passed, every call site of a local
/// function, and then the enclosing member: <c>[BillingSubject]</c>, <c>[RequiresBillingSubject]</c>,
/// the implementation of a generated wrapper, or <c>[BillingSubjectFromContext]</c>.
/// </summary>
internal sealed class BillingSubjectCoverage
{
    // Local functions calling local functions: deep enough for real code, bounded for recursion.
    private const int MaxLocalFunctionDepth = 4;

    private readonly BillingSymbols _symbols;

    public BillingSubjectCoverage(BillingSymbols symbols) => _symbols = symbols;

    /// <summary>Whether a billing subject can be in scope when <paramref name="operation"/> runs.</summary>
    public bool IsCovered(IOperation operation, ISymbol containingSymbol) =>
        IsCovered(operation, containingSymbol, depth: 0);

    private bool IsCovered(IOperation operation, ISymbol containingSymbol, int depth)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (ScopeOperations.ScopeOpenedBy(parent, current, _symbols, subjectOnly: true) is not null)
            {
                return true;
            }

            switch (parent)
            {
                case IAnonymousFunctionOperation lambda when !RunsWherePassed(lambda):
                    // Stored (a field, a variable, an event, a return value) and run later, when the
                    // scope around its creation may be gone: only the opt-out still covers it.
                    return OptsOut(containingSymbol);

                case ILocalFunctionOperation localFunction:
                    return IsLocalFunctionCovered(localFunction, containingSymbol, depth);
            }

            current = parent;
        }

        return IsMemberCovered(containingSymbol);
    }

    /// <summary>The member moves or satisfies the requirement itself.</summary>
    private bool IsMemberCovered(ISymbol member)
    {
        if (member is IMethodSymbol method
            && (BillingSymbols.MethodHasAttribute(method, _symbols.RequiresBillingSubject)
                || _symbols.ProvidesSubject(method)
                || _symbols.WrapperOf(method) is not null))
        {
            return true;
        }

        return OptsOut(member);
    }

    private bool OptsOut(ISymbol member)
    {
        if (_symbols.BillingSubjectFromContext is null)
        {
            return false;
        }

        if (member is IMethodSymbol method && BillingSymbols.MethodHasAttribute(method, _symbols.BillingSubjectFromContext))
        {
            return true;
        }

        for (var type = member.ContainingType; type is not null; type = type.ContainingType)
        {
            if (BillingSymbols.HasAttribute(type, _symbols.BillingSubjectFromContext))
            {
                return true;
            }
        }

        return false;
    }

    // Passed straight to a call (Task.Run, Parallel.ForEachAsync, Select, a retry policy): it runs
    // during that call, or on a flow that captured the scope when it was scheduled.
    private static bool RunsWherePassed(IAnonymousFunctionOperation lambda) => IsPassedAsArgument(lambda);

    private static bool IsPassedAsArgument(IOperation function)
    {
        IOperation? parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation;
    }

    private bool IsLocalFunctionCovered(ILocalFunctionOperation localFunction, ISymbol containingSymbol, int depth)
    {
        var function = localFunction.Symbol;
        if (BillingSymbols.HasAttribute(function, _symbols.RequiresBillingSubject)
            || BillingSymbols.HasAttribute(function, _symbols.BillingSubjectFromContext))
        {
            return true;
        }

        if (depth >= MaxLocalFunctionDepth)
        {
            return false;
        }

        IOperation top = localFunction;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        // Covered when every call of the function is; a method-group use (a delegate) is stored.
        var calls = 0;
        foreach (var descendant in top.Descendants())
        {
            switch (descendant)
            {
                case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod, function):
                    if (IsInside(invocation, localFunction))
                    {
                        continue; // recursion inherits the outer call's scope
                    }

                    calls++;
                    if (!IsCovered(invocation, containingSymbol, depth + 1))
                    {
                        return false;
                    }

                    break;
                case IMethodReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Method, function):
                    if (!IsInside(reference, localFunction)
                        && !(IsPassedAsArgument(reference) && IsCovered(reference, containingSymbol, depth + 1)))
                    {
                        return false;
                    }

                    calls++;
                    break;
            }
        }

        return calls > 0 || OptsOut(containingSymbol);
    }

    private static bool IsInside(IOperation operation, IOperation ancestor)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }
}
