using System.Diagnostics;

namespace Monocle.Paygentic.Export;

/// <summary>
/// A live <see cref="Activity"/> seen as an <see cref="IMonocleSpan"/>. A struct, so converting a
/// span costs no wrapper allocation; tags are read through <c>TagObjects</c>, so int, long, double
/// and string values all count.
/// </summary>
internal readonly struct ActivitySpan(Activity activity) : IMonocleSpan
{
    public string TraceId => activity.TraceId.ToHexString();

    public string SpanId => activity.SpanId.ToHexString();

    public string Name => activity.DisplayName;

    public DateTimeOffset EndTime => new(activity.StartTimeUtc + activity.Duration, TimeSpan.Zero);

    public bool TryGetAttribute(string name, out object? value)
    {
        foreach (ref readonly var tag in activity.EnumerateTagObjects())
        {
            if (string.Equals(tag.Key, name, StringComparison.Ordinal))
            {
                value = AttributeValues.Normalize(tag.Value);
                return true;
            }
        }

        value = null;
        return false;
    }

    public int CopyEventAttributes(string eventName, IDictionary<string, object?> target)
    {
        var copied = 0;
        foreach (ref readonly var activityEvent in activity.EnumerateEvents())
        {
            if (!string.Equals(activityEvent.Name, eventName, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (ref readonly var tag in activityEvent.EnumerateTagObjects())
            {
                target[tag.Key] = AttributeValues.Normalize(tag.Value);
                copied++;
            }
        }

        return copied;
    }
}
