namespace Monocle.Paygentic.Scopes;

/// <summary>What a scope name may be: it becomes a span attribute and a W3C baggage key.</summary>
internal static class ScopeNames
{
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || !IsToken(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid trace scope name: use letters, digits, '_', '-' or '.', " +
                $"e.g. MonocleScopes.{nameof(MonocleScopes.SubscriptionId)}.",
                nameof(name));
        }
    }

    private static bool IsToken(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
