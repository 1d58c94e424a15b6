using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>
/// The subset of JSONPath Paygentic accepts for <c>valueProperty</c> and <c>groupBy</c>:
/// <c>$.</c> followed by dot-separated member names (pattern <c>^\$\.[a-zA-Z0-9_]+(\.[a-zA-Z0-9_]+)*$</c>).
/// </summary>
internal sealed partial class JsonPathExpression
{
    private readonly string[] _members;

    private JsonPathExpression(string text, string[] members)
    {
        Text = text;
        _members = members;
    }

    public string Text { get; }

    [GeneratedRegex(@"^\$\.[a-zA-Z0-9_]+(\.[a-zA-Z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? text) => text is not null && Pattern().IsMatch(text);

    public static JsonPathExpression Parse(string text) =>
        IsValid(text)
            ? new JsonPathExpression(text, text[2..].Split('.'))
            : throw new FormatException($"'{text}' is not a supported JSONPath; expected '$.name' or '$.a.b'.");

    /// <summary>The element at this path, or <see langword="null"/> when absent or JSON null.</summary>
    public JsonElement? Select(JsonElement data)
    {
        var current = data;
        foreach (var member in _members)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(member, out current))
            {
                return null;
            }
        }

        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : current;
    }

    /// <summary>
    /// The numeric value at this path. Numbers and numeric strings count (senders often write
    /// counts as strings); anything else is no value, never zero, so it cannot skew AVG or MIN.
    /// </summary>
    public decimal? SelectNumber(JsonElement data)
    {
        var element = Select(data);
        if (element is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>
    /// The value at this path as text, for grouping and distinct counting: strings as they are,
    /// numbers in a canonical form (so <c>2</c> and <c>2.0</c> are one value), booleans as
    /// <c>true</c>/<c>false</c>; objects and arrays are no value.
    /// </summary>
    public string? SelectText(JsonElement data)
    {
        var element = Select(data);
        if (element is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when value.TryGetDecimal(out var number) => Canonical(number),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    // decimal keeps trailing zeros (2.0m prints "2.0"); normalise so equal numbers are one value.
    private static string Canonical(decimal number) => (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
