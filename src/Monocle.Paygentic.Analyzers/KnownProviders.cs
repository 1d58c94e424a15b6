namespace Monocle.Paygentic.Analyzers;

/// <summary>Monocle's provider names (SPEC §3) and the near-miss test of MPG0002 and MPG0011.</summary>
internal static class KnownProviders
{
    public static readonly string[] Names =
    {
        "openai", "azure_openai", "deepseek", "anthropic", "gemini", "vertexai", "aws_bedrock",
        "aws_sagemaker", "azure_ai_inference", "mistral", "huggingface", "github_copilot", "generic",
    };

    public static bool IsKnown(string name) => System.Array.IndexOf(Names, name) >= 0;

    /// <summary>
    /// The known provider <paramref name="name"/> was probably meant to be: the same name in another
    /// case or with '-', '.' or ' ' for '_' ("OpenAI", "azure-openai"), or one within two edits
    /// ("open_ai", "anthropics"). Names of three characters or fewer allow one edit, so short new
    /// providers ("xai") are not taken for typos.
    /// </summary>
    public static string? NearMiss(string name)
    {
        if (IsKnown(name) || name.Length == 0)
        {
            return null;
        }

        var normalised = name.ToLowerInvariant().Replace('-', '_').Replace('.', '_').Replace(' ', '_');
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in Names)
        {
            var distance = normalised == known ? 0 : Distance(normalised, known);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (known, distance);
            }
        }

        var allowed = name.Length <= 3 ? 1 : 2;
        return bestDistance <= allowed ? best : null;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    private static int Distance(string a, string b)
    {
        if (System.Math.Abs(a.Length - b.Length) > 2)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = System.Math.Min(System.Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = System.Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
