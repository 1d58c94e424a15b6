using System.Globalization;
using System.Text.Json;

namespace Monocle.Paygentic.Export;

/// <summary>
/// Brings attribute values to the few shapes an event's <c>data</c> holds (string, long, double,
/// bool, arrays of them, <see cref="JsonElement"/> for anything structured read from a file), so
/// the JSON written for a live span and for the same span read back from a file is the same.
/// </summary>
internal static class AttributeValues
{
    public static object? Normalize(object? value) => value switch
    {
        null or string or long or double or bool or JsonElement => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        ushort us => (long)us,
        uint ui => (long)ui,
        ulong ul when ul <= long.MaxValue => (long)ul,
        float f => (double)f,
        decimal m => (double)m,
        string[] or long[] or double[] or bool[] => value,
        int[] ints => Array.ConvertAll(ints, i => (long)i),
        float[] floats => Array.ConvertAll(floats, f => (double)f),
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>A scope value as the subject string: Monocle takes <c>str(value)</c>; empty means none.</summary>
    public static string? AsNonEmptyString(object? value) => value switch
    {
        null => null,
        string s => s.Length > 0 ? s : null,
        JsonElement e => e.ValueKind == JsonValueKind.String ? NonEmpty(e.GetString()) : NonEmpty(e.GetRawText()),
        bool b => b ? "True" : "False",
        IFormattable f => NonEmpty(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => NonEmpty(value.ToString()),
    };

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
