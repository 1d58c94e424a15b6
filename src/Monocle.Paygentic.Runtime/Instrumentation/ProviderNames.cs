using System.Collections.Concurrent;

namespace Monocle.Paygentic.Instrumentation;

/// <summary>Monocle's provider names and the entity types derived from them.</summary>
internal static class ProviderNames
{
    /// <summary>The providers Monocle knows; any other name of <c>[a-z0-9_]</c> is accepted as given.</summary>
    public static readonly string[] Known =
    [
        "openai", "azure_openai", "deepseek", "anthropic", "gemini", "vertexai", "aws_bedrock",
        "aws_sagemaker", "azure_ai_inference", "mistral", "huggingface", "github_copilot", "generic",
    ];

    private static readonly ConcurrentDictionary<string, string> s_entityTypes = new(StringComparer.Ordinal);

    /// <summary><c>inference.&lt;provider&gt;</c>, computed once per provider; <c>inference.generic</c> for a name that is not one.</summary>
    public static string EntityType(string? provider) =>
        IsValid(provider)
            ? s_entityTypes.GetOrAdd(provider!, static p => MonocleSpanTypes.Inference + "." + p)
            : MonocleSpanTypes.Inference + ".generic";

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
