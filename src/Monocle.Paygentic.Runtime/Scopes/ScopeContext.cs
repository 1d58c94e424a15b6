namespace Monocle.Paygentic.Scopes;

/// <summary>
/// The ambient trace scopes of the current async flow. The chain lives in an
/// <see cref="AsyncLocal{T}"/>, never in <c>Activity</c> baggage: baggage is shared by parallel
/// sibling flows under one parent, a scope must not be.
/// </summary>
internal static class ScopeContext
{
    private static readonly AsyncLocal<ScopeFrame?> s_current = new();

    /// <summary>The innermost open frame of this flow, or <see langword="null"/>.</summary>
    public static ScopeFrame? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public static bool IsSubjectName(string name) =>
        name is MonocleScopes.SubscriptionId or MonocleScopes.CustomerId;

    /// <summary>
    /// Whether <paramref name="frame"/> is in effect: it has a value and no frame between
    /// <paramref name="top"/> and it hides it.
    /// </summary>
    public static bool IsVisible(ScopeFrame top, ScopeFrame frame)
    {
        if (frame.Value is null)
        {
            return false;
        }

        for (var inner = top; !ReferenceEquals(inner, frame); inner = inner.Parent!)
        {
            if (inner.Hides(frame))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of scope <paramref name="name"/> in effect in this flow, or <see langword="null"/>.</summary>
    public static string? GetValue(string name)
    {
        // The first frame that names the scope, or masks it, decides.
        for (var frame = Current; frame is not null; frame = frame.Parent)
        {
            if (string.Equals(frame.Name, name, StringComparison.Ordinal))
            {
                return frame.Value;
            }

            if (frame.MasksSubject && IsSubjectName(name))
            {
                return null;
            }
        }

        return null;
    }
}
