using System.Globalization;
using System.Text.Json;
using Monocle.Paygentic.Emulator.Hosting;
using Monocle.Paygentic.Emulator.Metrics;
using Monocle.Paygentic.Emulator.Storage;

namespace Monocle.Paygentic.Emulator.Api;

/// <summary><c>/v0/billableMetrics</c>: create, list, get, and the events and meter of one metric.</summary>
internal static class BillableMetricsEndpoints
{
    public static async Task<IResult> CreateAsync(HttpContext http, EmulatorContext emulator)
    {
        if (emulator.Authenticator.Check(http.Request) is { } refused)
        {
            return refused;
        }

        var (fields, unreadable, document) = await RequestFields.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
        if (fields is null)
        {
            return unreadable!;
        }

        using (document)
        {
            var name = fields.String("name", required: true);
            var description = fields.String("description", required: true, allowEmpty: true);
            var unit = fields.String("unit", required: true);
            var merchantId = fields.String("merchantId", required: true);
            var productId = fields.String("productId", required: true);
            var aggregationText = fields.String("aggregation", required: true);
            var eventType = fields.String("eventType", required: false);
            var valueProperty = fields.String("valueProperty", required: false);
            var eventFrom = fields.DateTime("eventFrom");
            var groupBy = ReadGroupBy(fields, fields.Object("groupBy", required: false));

            var aggregation = default(MeterAggregation);
            if (aggregationText is not null && !MeterAggregationNames.TryParse(aggregationText, out aggregation))
            {
                fields.Add(FieldError.Invalid("aggregation", $"'aggregation' must be one of {MeterAggregationNames.AllowedList}."));
            }

            if (fields.Errors.Count == 0)
            {
                foreach (var error in MetricCatalog.Validate(merchantId!, productId!, aggregation, valueProperty, groupBy))
                {
                    fields.Add(error);
                }
            }

            if (fields.Errors.Count > 0)
            {
                return ApiErrors.Validation(fields.Errors);
            }

            var metric = MetricCatalog.New(name!, description!, unit!, merchantId!, productId!, aggregation, eventType, valueProperty, groupBy, eventFrom, emulator.Time.GetUtcNow());
            await emulator.Store.AddMetricAsync(metric, http.RequestAborted).ConfigureAwait(false);
            EmulatorLog.MetricCreated(emulator.Logger, metric.Id, metric.EventType);
            return Results.Json(ToWire(metric), ApiJson.Options, statusCode: StatusCodes.Status201Created);
        }
    }

    private static Dictionary<string, string> ReadGroupBy(RequestFields fields, JsonElement? groupBy)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (groupBy is not { } element)
        {
            return dimensions;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                dimensions[property.Name] = property.Value.GetString()!;
            }
            else
            {
                fields.Add(FieldError.WrongType($"groupBy.{property.Name}", "a string"));
            }
        }

        return dimensions;
    }

    public static async Task<IResult> ListAsync(HttpContext http, EmulatorContext emulator)
    {
        if (emulator.Authenticator.Check(http.Request) is { } refused)
        {
            return refused;
        }

        var query = http.Request.Query;
        var errors = new List<FieldError>();
        string? merchantId = query["merchantId"];
        if (string.IsNullOrEmpty(merchantId))
        {
            errors.Add(FieldError.Required("merchantId"));
        }

        string? productId = query["productId"];
        var limit = ReadInt(query["limit"], "limit", 10, 1, 100, errors);
        var offset = ReadInt(query["offset"], "offset", 0, 0, int.MaxValue, errors);
        if (errors.Count > 0)
        {
            return ApiErrors.Validation(errors);
        }

        var (page, total) = await emulator.Store.ListMetricsAsync(merchantId!, string.IsNullOrEmpty(productId) ? null : productId, limit, offset, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(new MetricList("list", page.Select(ToWire).ToList(), new Pagination(limit, offset, total)), ApiJson.Options);
    }

    public static async Task<IResult> GetAsync(HttpContext http, EmulatorContext emulator, string id)
    {
        if (emulator.Authenticator.Check(http.Request) is { } refused)
        {
            return refused;
        }

        var metric = await emulator.Store.GetMetricAsync(id, http.RequestAborted).ConfigureAwait(false);
        return metric is null ? ApiErrors.NotFound($"No billable metric '{id}'.") : Results.Json(ToWire(metric), ApiJson.Options);
    }

    public static async Task<IResult> MeterAsync(HttpContext http, EmulatorContext emulator, string id)
    {
        if (emulator.Authenticator.Check(http.Request) is { } refused)
        {
            return refused;
        }

        var metric = await emulator.Store.GetMetricAsync(id, http.RequestAborted).ConfigureAwait(false);
        if (metric is null)
        {
            return ApiErrors.NotFound($"No billable metric '{id}'.");
        }

        var (query, errors) = MeterQueryParser.Parse(http.Request.Query, metric);
        if (query is null)
        {
            return ApiErrors.Validation(errors);
        }

        var events = await SelectEventsAsync(emulator.Store, metric, query.From, query.To, query.Subject, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(MeterCalculator.Compute(metric, events, query), ApiJson.Options);
    }

    public static async Task<IResult> EventsAsync(HttpContext http, EmulatorContext emulator, string id)
    {
        if (emulator.Authenticator.Check(http.Request) is { } refused)
        {
            return refused;
        }

        var metric = await emulator.Store.GetMetricAsync(id, http.RequestAborted).ConfigureAwait(false);
        if (metric is null)
        {
            return ApiErrors.NotFound($"No billable metric '{id}'.");
        }

        var query = http.Request.Query;
        var errors = new List<FieldError>();
        var from = MeterQueryParser.ReadTime(query, "from", errors);
        var to = MeterQueryParser.ReadTime(query, "to", errors);
        var limit = ReadInt(query["limit"], "limit", 20, 1, 200, errors);
        var offset = ReadInt(query["offset"], "offset", 0, 0, int.MaxValue, errors);
        if (errors.Count > 0)
        {
            return ApiErrors.Validation(errors);
        }

        string? subject = query["subject"];
        var events = await SelectEventsAsync(emulator.Store, metric, from!.Value, to!.Value, string.IsNullOrEmpty(subject) ? null : subject, http.RequestAborted).ConfigureAwait(false);
        var page = events.Reverse().Skip(offset).Take(limit).Select(e => new MeterEvent(
            e.Id, "meterEvent", e.Type, e.Source, e.Subject, Rfc3339.Format(e.Timestamp), e.IdempotencyKey, JsonDocument.Parse(e.DataJson).RootElement.Clone()));
        return Results.Json(new MeterEventList("list", metric.Id, page.ToList(), new Pagination(limit, offset, events.Count)), ApiJson.Options);
    }

    /// <summary>The metric's events in [from, to), counting only those at or after its <c>eventFrom</c>.</summary>
    private static async Task<IReadOnlyList<StoredEvent>> SelectEventsAsync(EmulatorStore store, BillableMetric metric, DateTimeOffset from, DateTimeOffset to, string? subject, CancellationToken cancellationToken)
    {
        if (metric.EventType is null)
        {
            return [];
        }

        var start = metric.EventFrom is { } eventFrom && eventFrom > from ? eventFrom : from;
        return await store.GetEventsAsync(metric.EventType, start, to, subject, cancellationToken).ConfigureAwait(false);
    }

    private static int ReadInt(string? text, string name, int fallback, int min, int max, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(FieldError.Invalid(name, $"'{name}' must be an integer from {min} to {max}."));
        return fallback;
    }

    private static MetricWire ToWire(BillableMetric m) => new(
        m.Id,
        "billableMetric",
        m.Name,
        m.Description,
        m.Unit,
        m.MerchantId,
        m.ProductId,
        MeterAggregationNames.ToWire(m.Aggregation),
        m.EventType,
        m.ValueProperty,
        m.GroupBy.Count == 0 ? null : m.GroupBy,
        m.EventFrom is { } from ? Rfc3339.Format(from) : null,
        Rfc3339.Format(m.CreatedAt),
        Rfc3339.Format(m.UpdatedAt));

    /// <summary>The API's <c>BillableMetric</c>.</summary>
    internal sealed record MetricWire(
        string Id,
        string Object,
        string Name,
        string Description,
        string Unit,
        string MerchantId,
        string ProductId,
        string Aggregation,
        string? EventType,
        string? ValueProperty,
        IReadOnlyDictionary<string, string>? GroupBy,
        string? EventFrom,
        string CreatedAt,
        string UpdatedAt);

    internal sealed record Pagination(int Limit, int Offset, long Total);

    internal sealed record MetricList(string Object, IReadOnlyList<MetricWire> Data, Pagination Pagination);

    internal sealed record MeterEvent(string Id, string Object, string Type, string Source, string Subject, string Time, string IdempotencyKey, JsonElement Data);

    internal sealed record MeterEventList(string Object, string BillableMetricId, IReadOnlyList<MeterEvent> Events, Pagination Pagination);
}
