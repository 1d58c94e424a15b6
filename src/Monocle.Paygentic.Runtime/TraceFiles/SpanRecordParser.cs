using System.Globalization;
using System.Text.Json;

namespace Monocle.Paygentic.TraceFiles;

/// <summary>
/// Turns one span object of a trace file into a <see cref="MonocleSpanRecord"/>, or says which field
/// is wrong. Accepts every layout Monocle 0.4–0.7 wrote: ids with or without <c>0x</c>, optional
/// <c>status</c>, <c>links</c> and <c>resource</c>.
/// </summary>
internal static class SpanRecordParser
{
    private static readonly IReadOnlyDictionary<string, object?> s_empty = new Dictionary<string, object?>();

    public static MonocleSpanRecord? Parse(JsonElement span, out string? error)
    {
        error = null;
        if (span.ValueKind != JsonValueKind.Object)
        {
            error = $"expected a span object, found {Describe(span.ValueKind)}";
            return null;
        }

        if (!TryString(span, "name", required: true, out var name, ref error)
            || !TryObject(span, "context", required: true, out var context, ref error)
            || !TryId(context, "context.trace_id", "trace_id", 32, required: true, out var traceId, ref error)
            || !TryId(context, "context.span_id", "span_id", 16, required: true, out var spanId, ref error)
            || !TryId(span, "parent_id", "parent_id", 16, required: false, out var parentId, ref error)
            || !TryString(span, "kind", required: false, out var kind, ref error)
            || !TryTime(span, "start_time", required: false, out var startTime, ref error)
            || !TryTime(span, "end_time", required: true, out var endTime, ref error)
            || !TryObject(span, "status", required: false, out var status, ref error)
            || !TryAttributes(span, "attributes", "attributes", out var attributes, ref error)
            || !TryEvents(span, out var events, ref error)
            || !TryObject(span, "resource", required: false, out var resource, ref error)
            || !TryAttributes(resource, "attributes", "resource.attributes", out var resourceAttributes, ref error))
        {
            return null;
        }

        string? statusCode = null;
        if (status.ValueKind == JsonValueKind.Object && !TryString(status, "status_code", required: false, out statusCode, ref error, "status.status_code"))
        {
            return null;
        }

        return new MonocleSpanRecord
        {
            Name = name!,
            TraceId = traceId!,
            SpanId = spanId!,
            ParentId = parentId,
            Kind = kind,
            StartTime = startTime,
            EndTime = endTime!.Value,
            StatusCode = statusCode,
            Attributes = attributes,
            Events = events,
            ResourceAttributes = resourceAttributes,
        };
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    /// <summary>An attribute value as the conversion reads it; structured values are cloned out of the pooled document.</summary>
    public static object? ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => value.Clone(),
    };

    private static bool TryString(JsonElement parent, string name, bool required, out string? value, ref string? error, string? path = null)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return Missing(required, path ?? name, ref error);
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"'{path ?? name}' must be a string, found {Describe(element.ValueKind)}";
            return false;
        }

        value = element.GetString();
        return true;
    }

    private static bool TryObject(JsonElement parent, string name, bool required, out JsonElement value, ref string? error)
    {
        value = default;
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return Missing(required, name, ref error);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error = $"'{name}' must be an object, found {Describe(element.ValueKind)}";
            return false;
        }

        value = element;
        return true;
    }

    private static bool TryId(JsonElement parent, string path, string name, int hexDigits, bool required, out string? id, ref string? error)
    {
        id = null;
        if (!TryString(parent, name, required, out var text, ref error, path))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length != hexDigits || !IsHex(hex))
        {
            error = $"'{path}' must be {hexDigits} hex digits (with or without 0x), found \"{text}\"";
            return false;
        }

        id = hex.ToLowerInvariant();
        return true;
    }

    private static bool TryTime(JsonElement parent, string name, bool required, out DateTimeOffset? time, ref string? error, string? path = null)
    {
        time = null;
        if (!TryString(parent, name, required, out var text, ref error, path))
        {
            return false;
        }

        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            error = $"'{path ?? name}' is not a date-time: \"{text}\"";
            return false;
        }

        time = parsed;
        return true;
    }

    private static bool TryAttributes(JsonElement parent, string name, string path, out IReadOnlyDictionary<string, object?> attributes, ref string? error)
    {
        attributes = s_empty;
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            error = $"'{path}' must be an object, found {Describe(element.ValueKind)}";
            return false;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = ToValue(property.Value);
        }

        attributes = result;
        return true;
    }

    private static bool TryEvents(JsonElement span, out IReadOnlyList<MonocleSpanEvent> events, ref string? error)
    {
        events = [];
        if (!span.TryGetProperty("events", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            error = $"'events' must be an array, found {Describe(element.ValueKind)}";
            return false;
        }

        var result = new List<MonocleSpanEvent>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var path = $"events[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                error = $"'{path}' must be an object, found {Describe(item.ValueKind)}";
                return false;
            }

            if (!TryString(item, "name", required: true, out var name, ref error, path + ".name")
                || !TryTime(item, "timestamp", required: false, out var timestamp, ref error, path + ".timestamp")
                || !TryAttributes(item, "attributes", path + ".attributes", out var attributes, ref error))
            {
                return false;
            }

            result.Add(new MonocleSpanEvent(name!, timestamp, attributes));
        }

        events = result;
        return true;
    }

    private static bool Missing(bool required, string path, ref string? error)
    {
        if (required)
        {
            error = $"'{path}' is missing";
        }

        return !required;
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
