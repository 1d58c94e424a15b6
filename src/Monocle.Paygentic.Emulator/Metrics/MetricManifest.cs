using System.Text.Json;

namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>
/// Reads a billable-metric manifest:
/// <c>{"metrics":[{"name":…,"eventType":…,"aggregation":"SUM","valueProperty":"$.total_tokens","groupBy":{"model":"$.model_name"},"unit":"tokens"}]}</c>,
/// or the bare array of metrics the generator writes (<c>MonocleBillableMetrics.Json</c>).
/// <c>name</c> defaults to "&lt;eventType&gt; tokens", <c>aggregation</c> to <c>SUM</c>, <c>unit</c> to <c>units</c>.
/// </summary>
public static class MetricManifest
{
    /// <summary>Reads the manifest file at <paramref name="path"/>.</summary>
    /// <param name="path">The manifest's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The metric definitions, in file order.</returns>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="FormatException">The file is not a valid manifest; the message names the entry and field.</exception>
    public static async Task<IReadOnlyList<MetricDefinition>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Metric manifest '{path}' does not exist.", path);
        }

        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return Parse(json);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"Metric manifest '{path}': {ex.Message}", ex);
        }
    }

    /// <summary>Parses manifest JSON.</summary>
    /// <param name="json">The manifest text.</param>
    /// <returns>The metric definitions, in order.</returns>
    /// <exception cref="FormatException">The text is not a valid manifest; the message names the entry and field.</exception>
    public static IReadOnlyList<MetricDefinition> Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new FormatException("not valid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            // The generator's MonocleBillableMetrics.Json is the bare array; this file's own shape wraps it in "metrics".
            var root = document.RootElement;
            var isArray = root.ValueKind == JsonValueKind.Array;
            if (!isArray
                && (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("metrics", out root) || root.ValueKind != JsonValueKind.Array))
            {
                throw new FormatException("expected an object with a \"metrics\" array, or an array of metrics (MonocleBillableMetrics.Json).");
            }

            var definitions = new List<MetricDefinition>();
            var index = 0;
            foreach (var entry in root.EnumerateArray())
            {
                definitions.Add(ParseEntry(entry, $"{(isArray ? string.Empty : "metrics")}[{index++}]"));
            }

            return definitions;
        }
    }

    private static MetricDefinition ParseEntry(JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} must be an object.");
        }

        var eventType = Text(entry, "eventType", where) ?? throw new FormatException($"{where}.eventType is required.");
        var aggregationText = Text(entry, "aggregation", where) ?? "SUM";
        if (!MeterAggregationNames.TryParse(aggregationText, out var aggregation))
        {
            throw new FormatException($"{where}.aggregation '{aggregationText}' is not one of {MeterAggregationNames.AllowedList}.");
        }

        var valueProperty = Text(entry, "valueProperty", where);
        if (valueProperty is not null && !JsonPathExpression.IsValid(valueProperty))
        {
            throw new FormatException($"{where}.valueProperty '{valueProperty}' is not a JSONPath like $.total_tokens.");
        }

        var groupBy = new Dictionary<string, string>(StringComparer.Ordinal);
        if (entry.TryGetProperty("groupBy", out var groups) && groups.ValueKind != JsonValueKind.Null)
        {
            if (groups.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where}.groupBy must be an object of dimension → JSONPath.");
            }

            foreach (var group in groups.EnumerateObject())
            {
                if (group.Value.ValueKind != JsonValueKind.String || !JsonPathExpression.IsValid(group.Value.GetString()))
                {
                    throw new FormatException($"{where}.groupBy.{group.Name} must be a JSONPath like $.model_name.");
                }

                groupBy[group.Name] = group.Value.GetString()!;
            }
        }

        return new MetricDefinition(Text(entry, "name", where) ?? $"{eventType} tokens", eventType, aggregation, valueProperty)
        {
            GroupBy = groupBy,
            Unit = Text(entry, "unit", where) ?? "units",
            Description = Text(entry, "description", where),
        };
    }

    private static string? Text(JsonElement entry, string name, string where)
    {
        if (!entry.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new FormatException($"{where}.{name} must be a non-empty string.");
    }
}
