using System.Diagnostics;

namespace Monocle.Paygentic.Scopes;

/// <summary>Writes the scopes in effect onto a span as <c>scope.&lt;name&gt;</c> attributes.</summary>
internal static class ScopeTags
{
    public static void Write(Activity activity)
    {
        var top = ScopeContext.Current;
        for (var frame = top; frame is not null; frame = frame.Parent)
        {
            if (ScopeContext.IsVisible(top!, frame))
            {
                activity.SetTag(frame.TagName, frame.Value);
            }
        }
    }
}
