using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monocle.Paygentic.Export;

/// <summary>
/// Writes a timestamp as RFC 3339 in UTC with a <c>Z</c> (<c>2025-11-19T04:47:03.461439Z</c>), the
/// form Monocle writes; the default converter would keep the offset as <c>+00:00</c>.
/// </summary>
internal sealed class Rfc3339UtcConverter : JsonConverter<DateTimeOffset>
{
    // F (not f) drops trailing zeros, and the dot with them when the fraction is zero.
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[32];
        value.UtcDateTime.TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>The same text, for writers that are not System.Text.Json serialisation (the file exporter).</summary>
    public static void WriteValue(Utf8JsonWriter writer, DateTime utc)
    {
        Span<char> buffer = stackalloc char[32];
        utc.TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
