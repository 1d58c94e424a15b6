using System.Diagnostics;

namespace Monocle.Paygentic.Tests.Support;

internal static class SpanAssertions
{
    public static object? Tag(this Activity activity, string name) => activity.GetTagItem(name);

    /// <summary>The attributes of the span's <c>metadata</c> event, or null when it has none.</summary>
    public static Dictionary<string, object?>? Metadata(this Activity activity)
    {
        var events = activity.Events.Where(e => e.Name == MonocleEvents.Metadata).ToList();
        Assert.True(events.Count <= 1, $"span {activity.DisplayName} has {events.Count} metadata events");
        return events.Count == 0 ? null : events[0].Tags.ToDictionary(t => t.Key, t => t.Value);
    }
}
