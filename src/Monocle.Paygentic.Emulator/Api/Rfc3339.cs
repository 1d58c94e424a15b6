using System.Globalization;

namespace Monocle.Paygentic.Emulator.Api;

/// <summary>Reads and writes the API's <c>date-time</c> strings (RFC 3339, always UTC on output).</summary>
internal static class Rfc3339
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Accepts only strings that carry a date, a time and an offset (or Z), as RFC 3339 requires.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 20 || !text.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var last = text[^1];
        var hasOffset = last is 'Z' or 'z' || text.LastIndexOfAny(['+', '-']) > 10;
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out value);
    }
}
