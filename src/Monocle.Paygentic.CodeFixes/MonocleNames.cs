using Microsoft.CodeAnalysis;

namespace Monocle.Paygentic.CodeFixes;

/// <summary>
/// Spells a runtime type the way the code at a position can name it: the short name where
/// <c>Monocle.Paygentic</c> is imported (the usual case), else the qualified one, so a fix compiles
/// without touching the file's usings.
/// </summary>
internal static class MonocleNames
{
    private const string Namespace = "Monocle.Paygentic";

    public static string Type(SemanticModel model, int position, string name)
    {
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: name))
        {
            if (symbol is INamedTypeSymbol type && type.ContainingNamespace?.ToDisplayString() == Namespace)
            {
                return name;
            }
        }

        return Namespace + "." + name;
    }
}
