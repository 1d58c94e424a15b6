using System.Text.Json;
using Monocle.Paygentic.Emulator.Metrics;
using Monocle.Paygentic.Emulator.Storage;

namespace Monocle.Paygentic.Emulator.Api;

/// <summary>
/// Reads the query string of <c>GET /v0/billableMetrics/{id}/meter</c>: <c>from</c> and <c>to</c>
/// (required, RFC 3339, from &lt; to), <c>subject</c>, <c>windowSize</c> (MINUTE, HOUR, DAY, MONTH),
/// <c>groupBy</c> (comma-separated dimension names of the metric), <c>filterGroupBy</c>
/// (a JSON object of dimension → value).
/// </summary>
internal static class MeterQueryParser
{
    public static (MeterQuery? Query, IReadOnlyList<FieldError> Errors) Parse(IQueryCollection query, BillableMetric metric)
    {
        var errors = new List<FieldError>();
        var from = ReadTime(query, "from", errors);
        var to = ReadTime(query, "to", errors);
        if (from is { } f && to is { } t && f >= t)
        {
            errors.Add(FieldError.Invalid("to", "'to' must be later than 'from'."));
        }

        WindowSize? windowSize = null;
        string? windowText = query["windowSize"];
        if (!string.IsNullOrEmpty(windowText))
        {
            if (WindowSizes.TryParse(windowText, out var size))
            {
                windowSize = size;
            }
            else
            {
                errors.Add(FieldError.Invalid("windowSize", "'windowSize' must be MINUTE, HOUR, DAY or MONTH."));
            }
        }

        var groupBy = new List<string>();
        foreach (var dimension in ((string?)query["groupBy"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!metric.GroupBy.ContainsKey(dimension))
            {
                errors.Add(FieldError.Invalid("groupBy", $"'{dimension}' is not a groupBy dimension of metric {metric.Id} (it has: {DimensionList(metric)})."));
            }
            else if (!groupBy.Contains(dimension))
            {
                groupBy.Add(dimension);
            }
        }

        var filter = ReadFilter(query["filterGroupBy"], metric, errors);
        string? subject = query["subject"];
        return errors.Count > 0
            ? (null, errors)
            : (new MeterQuery(from!.Value, to!.Value, string.IsNullOrEmpty(subject) ? null : subject, windowSize, groupBy, filter), errors);
    }

    public static DateTimeOffset? ReadTime(IQueryCollection query, string name, List<FieldError> errors)
    {
        string? text = query[name];
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(FieldError.Required(name));
            return null;
        }

        if (Rfc3339.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(FieldError.Invalid(name, $"'{name}' must be an RFC 3339 date-time with an offset, e.g. 2025-06-15T10:00:00Z."));
        return null;
    }

    private static Dictionary<string, string> ReadFilter(string? text, BillableMetric metric, List<FieldError> errors)
    {
        var filter = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return filter;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("not an object");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!metric.GroupBy.ContainsKey(property.Name))
                {
                    errors.Add(FieldError.Invalid("filterGroupBy", $"'{property.Name}' is not a groupBy dimension of metric {metric.Id} (it has: {DimensionList(metric)})."));
                }
                else if (property.Value.ValueKind != JsonValueKind.String)
                {
                    errors.Add(FieldError.WrongType($"filterGroupBy.{property.Name}", "a string"));
                }
                else
                {
                    filter[property.Name] = property.Value.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            errors.Add(FieldError.Invalid("filterGroupBy", "'filterGroupBy' must be a JSON object of dimension → value, e.g. {\"model\":\"gpt-4o\"}."));
        }

        return filter;
    }

    private static string DimensionList(BillableMetric metric) =>
        metric.GroupBy.Count == 0 ? "none" : string.Join(", ", metric.GroupBy.Keys);
}
