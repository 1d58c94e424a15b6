using System.Linq;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// The runtime's symbols, resolved once per compilation. <see cref="TryCreate"/> returns
/// <see langword="false"/> when the compilation does not reference Monocle.Paygentic, so every
/// analyzer bails out before registering a single action in projects that do not use it.
/// </summary>
internal sealed class BillingSymbols
{
    // Implementation name → wrapper, per type; filled lazily because few types declare wrappers.
    private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<string, IMethodSymbol>> _implementations =
        new(SymbolEqualityComparer.Default);

    private BillingSymbols(Compilation compilation, INamedTypeSymbol monocleTrace)
    {
        MonocleTrace = monocleTrace;
        BillableInference = compilation.GetTypeByMetadataName("Monocle.Paygentic.BillableInferenceAttribute");
        BillingSubject = compilation.GetTypeByMetadataName("Monocle.Paygentic.BillingSubjectAttribute");
        RequiresBillingSubject = compilation.GetTypeByMetadataName("Monocle.Paygentic.RequiresBillingSubjectAttribute");
        BillingSubjectFromContext = compilation.GetTypeByMetadataName("Monocle.Paygentic.BillingSubjectFromContextAttribute");
        AssemblyOptsOut = HasAttribute(compilation.Assembly, BillingSubjectFromContext)
            || compilation.Assembly.Modules.Any(module => HasAttribute(module, BillingSubjectFromContext));
    }

    public INamedTypeSymbol MonocleTrace { get; }

    public INamedTypeSymbol? BillableInference { get; }

    public INamedTypeSymbol? BillingSubject { get; }

    public INamedTypeSymbol? RequiresBillingSubject { get; }

    public INamedTypeSymbol? BillingSubjectFromContext { get; }

    /// <summary>The assembly (or its module) carries <c>[BillingSubjectFromContext]</c>.</summary>
    public bool AssemblyOptsOut { get; }

    public static bool TryCreate(Compilation compilation, out BillingSymbols symbols)
    {
        var trace = compilation.GetTypeByMetadataName("Monocle.Paygentic.MonocleTrace");
        symbols = trace is null ? null! : new BillingSymbols(compilation, trace);
        return trace is not null;
    }

    /// <summary><c>MonocleTrace.Scope(...)</c> or <c>MonocleTrace.BillingSubject(...)</c>.</summary>
    public bool IsScopeFactory(IMethodSymbol method) =>
        (method.Name == "Scope" || method.Name == "BillingSubject")
        && SymbolEqualityComparer.Default.Equals(method.ContainingType, MonocleTrace);

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Attributes of a method, including those on the other part of a partial method.</summary>
    public static bool MethodHasAttribute(IMethodSymbol method, INamedTypeSymbol? attribute) =>
        HasAttribute(method, attribute)
        || (method.PartialDefinitionPart is { } definition && HasAttribute(definition, attribute))
        || (method.PartialImplementationPart is { } implementation && HasAttribute(implementation, attribute));

    /// <summary>The method, or one of its parameters, is marked <c>[BillingSubject]</c>.</summary>
    public bool ProvidesSubject(IMethodSymbol method)
    {
        if (BillingSubject is null)
        {
            return false;
        }

        if (MethodHasAttribute(method, BillingSubject))
        {
            return true;
        }

        var definition = method.PartialDefinitionPart ?? method;
        foreach (var parameter in definition.Parameters)
        {
            if (HasAttribute(parameter, BillingSubject))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The <c>[BillableInference]</c> or <c>[BillingSubject]</c> method whose implementation
    /// <paramref name="method"/> is (<c>XxxCore</c>, or the name given by <c>Implementation =</c>).
    /// </summary>
    public IMethodSymbol? WrapperOf(IMethodSymbol method)
    {
        if (method.ContainingType is not { } type || (BillableInference is null && BillingSubject is null))
        {
            return null;
        }

        var map = _implementations.GetOrAdd(type, BuildImplementationMap);
        return map.TryGetValue(method.Name, out var wrapper)
            && !SymbolEqualityComparer.Default.Equals(wrapper, method)
            && !SymbolEqualityComparer.Default.Equals(wrapper.PartialImplementationPart, method)
                ? wrapper
                : null;
    }

    private ImmutableDictionary<string, IMethodSymbol> BuildImplementationMap(INamedTypeSymbol type)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, IMethodSymbol>();
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method)
            {
                continue;
            }

            foreach (var data in method.GetAttributes())
            {
                var isBillable = SymbolEqualityComparer.Default.Equals(data.AttributeClass, BillableInference);
                if (!isBillable && !SymbolEqualityComparer.Default.Equals(data.AttributeClass, BillingSubject))
                {
                    continue;
                }

                var name = method.Name + "Core";
                foreach (var named in data.NamedArguments)
                {
                    if (isBillable && named.Key == "Implementation" && named.Value.Value is string given && given.Length > 0)
                    {
                        name = given;
                    }
                }

                builder[name] = method;
            }
        }

        return builder.ToImmutable();
    }
}
