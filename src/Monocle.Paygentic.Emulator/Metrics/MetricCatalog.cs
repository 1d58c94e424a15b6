using System.Text.RegularExpressions;
using Monocle.Paygentic.Emulator.Api;
using Monocle.Paygentic.Emulator.Storage;

namespace Monocle.Paygentic.Emulator.Metrics;

/// <summary>
/// Creating billable metrics: the API's validation rules, applied the same way to
/// <c>POST /v0/billableMetrics</c> and to metrics seeded from code or a manifest.
/// </summary>
internal static partial class MetricCatalog
{
    [GeneratedRegex("^org_[a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    public static partial Regex OrganizationId();

    [GeneratedRegex("^prod_[a-zA-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ProductId();

    /// <summary>The field errors of a metric, none when it is valid.</summary>
    public static IEnumerable<FieldError> Validate(string merchantId, string productId, MeterAggregation aggregation, string? valueProperty, IReadOnlyDictionary<string, string> groupBy)
    {
        if (!OrganizationId().IsMatch(merchantId))
        {
            yield return FieldError.Invalid("merchantId", "'merchantId' must match ^org_[a-zA-Z0-9]+$.");
        }

        if (!ProductId().IsMatch(productId))
        {
            yield return FieldError.Invalid("productId", "'productId' must match ^prod_[a-zA-Z0-9]+$.");
        }

        if (valueProperty is not null && !JsonPathExpression.IsValid(valueProperty))
        {
            yield return FieldError.Invalid("valueProperty", "'valueProperty' must be a JSONPath like $.total_tokens (pattern ^\\$\\.[a-zA-Z0-9_]+(\\.[a-zA-Z0-9_]+)*$).");
        }
        else if (valueProperty is null && MeterAggregationNames.NeedsValue(aggregation))
        {
            yield return new FieldError("valueProperty", $"'valueProperty' is required for {MeterAggregationNames.ToWire(aggregation)} aggregation.", "required");
        }

        foreach (var (dimension, path) in groupBy)
        {
            if (!JsonPathExpression.IsValid(path))
            {
                yield return FieldError.Invalid($"groupBy.{dimension}", $"'groupBy.{dimension}' must be a JSONPath like $.model_name.");
            }
        }
    }

    public static BillableMetric New(string name, string description, string unit, string merchantId, string productId, MeterAggregation aggregation, string? eventType, string? valueProperty, IReadOnlyDictionary<string, string> groupBy, DateTimeOffset? eventFrom, DateTimeOffset now) =>
        new(IdGenerator.New("bm_"), name, description, unit, merchantId, productId, aggregation, eventType, valueProperty, groupBy, eventFrom, now, now);

    /// <summary>
    /// Creates the definitions' metrics for the emulator's merchant and product, skipping any
    /// whose name and event type already exist there, so seeding on every start is harmless.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(EmulatorStore store, string merchantId, string productId, IEnumerable<MetricDefinition> definitions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await store.GetAllMetricsAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        foreach (var definition in definitions)
        {
            ArgumentNullException.ThrowIfNull(definition);
            var match = existing.FirstOrDefault(m => m.MerchantId == merchantId && m.Name == definition.Name && m.EventType == definition.EventType);
            if (match is not null)
            {
                ids.Add(match.Id);
                continue;
            }

            if (string.IsNullOrWhiteSpace(definition.Name) || string.IsNullOrWhiteSpace(definition.EventType))
            {
                throw new ArgumentException("A metric definition needs a name and an event type.", nameof(definitions));
            }

            var errors = Validate(merchantId, productId, definition.Aggregation, definition.ValueProperty, definition.GroupBy).ToList();
            if (errors.Count > 0)
            {
                throw new ArgumentException($"Metric '{definition.Name}' is invalid: " + string.Join("; ", errors.Select(e => e.Message)), nameof(definitions));
            }

            var metric = New(
                definition.Name,
                definition.Description ?? $"Usage reported by '{definition.EventType}' events.",
                definition.Unit,
                merchantId,
                productId,
                definition.Aggregation,
                definition.EventType,
                definition.ValueProperty,
                definition.GroupBy,
                eventFrom: null,
                now);
            await store.AddMetricAsync(metric, cancellationToken).ConfigureAwait(false);
            ids.Add(metric.Id);
        }

        return ids;
    }
}
