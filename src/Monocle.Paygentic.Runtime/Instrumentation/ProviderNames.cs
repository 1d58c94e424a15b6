using System.Collections.Concurrent;

namespace Monocle.Paygentic.Instrumentation;

/// <summary>Provider names and the entity types derived from them (the known names are the analyzers' concern: MPG0002).</summary>
internal static class ProviderNames
{
    private const string GenericEntityType = MonocleSpanTypes.Inference + ".generic";

    private static readonly ConcurrentDictionary<string, string> s_entityTypes = new(StringComparer.Ordinal);

    /// <summary><c>inference.&lt;provider&gt;</c>, computed once per provider; <c>inference.generic</c> for a name that is not one.</summary>
    public static string EntityType(string? provider) =>
        IsValid(provider)
            ? s_entityTypes.GetOrAdd(provider!, static p => MonocleSpanTypes.Inference + "." + p)
            : GenericEntityType;

    /// <summary>Whether <paramref name="provider"/> is a non-empty name of lower-case letters, digits and underscores.</summary>
    public static bool IsValid(string? provider)
    {
        if (string.IsNullOrEmpty(provider))
        {
            return false;
        }

        foreach (var c in provider)
        {
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
