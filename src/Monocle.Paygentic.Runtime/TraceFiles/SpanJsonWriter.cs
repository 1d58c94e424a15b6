using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Monocle.Paygentic.Export;

namespace Monocle.Paygentic.TraceFiles;

/// <summary>
/// Writes an <see cref="Activity"/> as one span of a Monocle trace file, in the field names and
/// forms of the Python SDK's <c>ReadableSpan.to_json</c> (ids as <c>0x</c> hex, <c>SpanKind.X</c>,
/// <c>status_code</c>), so Monocle's tools and <see cref="MonocleTraceFile"/> read it alike.
/// </summary>
internal static class SpanJsonWriter
{
    public static void Write(Utf8JsonWriter writer, Activity activity, IEnumerable<KeyValuePair<string, object>> resourceAttributes)
    {
        writer.WriteStartObject();
        writer.WriteString("name", activity.DisplayName);
        writer.WriteStartObject("context");
        writer.WriteString("trace_id", "0x" + activity.TraceId.ToHexString());
        writer.WriteString("span_id", "0x" + activity.SpanId.ToHexString());
        writer.WriteString("trace_state", "[]");
        writer.WriteEndObject();
        writer.WriteString("kind", activity.Kind switch
        {
            ActivityKind.Server => "SpanKind.SERVER",
            ActivityKind.Client => "SpanKind.CLIENT",
            ActivityKind.Producer => "SpanKind.PRODUCER",
            ActivityKind.Consumer => "SpanKind.CONSUMER",
            _ => "SpanKind.INTERNAL",
        });
        if (activity.ParentSpanId == default)
        {
            writer.WriteNull("parent_id");
        }
        else
        {
            writer.WriteString("parent_id", "0x" + activity.ParentSpanId.ToHexString());
        }

        writer.WritePropertyName("start_time");
        Rfc3339UtcConverter.WriteValue(writer, activity.StartTimeUtc);
        writer.WritePropertyName("end_time");
        Rfc3339UtcConverter.WriteValue(writer, activity.StartTimeUtc + activity.Duration);
        writer.WriteStartObject("status");
        writer.WriteString("status_code", activity.Status switch
        {
            ActivityStatusCode.Ok => "OK",
            ActivityStatusCode.Error => "ERROR",
            _ => "UNSET",
        });
        if (!string.IsNullOrEmpty(activity.StatusDescription))
        {
            writer.WriteString("message", activity.StatusDescription);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("attributes");
        foreach (ref readonly var tag in activity.EnumerateTagObjects())
        {
            WriteAttribute(writer, tag.Key, tag.Value);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("events");
        foreach (ref readonly var activityEvent in activity.EnumerateEvents())
        {
            writer.WriteStartObject();
            writer.WriteString("name", activityEvent.Name);
            writer.WritePropertyName("timestamp");
            Rfc3339UtcConverter.WriteValue(writer, activityEvent.Timestamp.UtcDateTime);
            writer.WriteStartObject("attributes");
            foreach (ref readonly var tag in activityEvent.EnumerateTagObjects())
            {
                WriteAttribute(writer, tag.Key, tag.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("links");
        foreach (ref readonly var link in activity.EnumerateLinks())
        {
            writer.WriteStartObject();
            writer.WriteStartObject("context");
            writer.WriteString("trace_id", "0x" + link.Context.TraceId.ToHexString());
            writer.WriteString("span_id", "0x" + link.Context.SpanId.ToHexString());
            writer.WriteString("trace_state", "[]");
            writer.WriteEndObject();
            writer.WriteStartObject("attributes");
            foreach (ref readonly var tag in link.EnumerateTagObjects())
            {
                WriteAttribute(writer, tag.Key, tag.Value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("resource");
        writer.WriteStartObject("attributes");
        foreach (var attribute in resourceAttributes)
        {
            WriteAttribute(writer, attribute.Key, attribute.Value);
        }

        writer.WriteEndObject();
        writer.WriteString("schema_url", string.Empty);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAttribute(Utf8JsonWriter writer, string name, object? value)
    {
        writer.WritePropertyName(name);
        WriteValue(writer, AttributeValues.Normalize(value));
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case double d:
                writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case Array array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteValue(writer, AttributeValues.Normalize(item));
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
