using System.Text.Json.Serialization;

namespace Monocle.Paygentic.Export;

/// <summary>
/// One usage event as Paygentic's <c>POST /v0/events</c> takes it. Serialise it with
/// <see cref="ToJson"/> (source-generated, no reflection)
/// to get the wire body exactly.
/// </summary>
public sealed class PaygenticEvent
{
    /// <summary>The event type: <c>ai.</c> + the span's <c>entity.1.type</c>, e.g. <c>ai.inference.openai</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The application that emitted the event (<c>monocle</c> unless configured).</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>The subscription (else customer) the usage is billed to.</summary>
    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    /// <summary>The Paygentic organisation the event belongs to; omitted when not set.</summary>
    [JsonPropertyName("namespace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }

    /// <summary>
    /// <c>&lt;trace_id&gt;_&lt;span_id&gt;</c> in hex: the same span always gives the same key, so
    /// Paygentic counts it once however often it is sent.
    /// </summary>
    [JsonPropertyName("idempotencyKey")]
    public required string IdempotencyKey { get; init; }

    /// <summary>When the span ended; written in UTC, RFC 3339.</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(Rfc3339UtcConverter))]
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>
    /// The span's <c>metadata</c> attributes (token counts, finish reason, model) plus <c>span_id</c>,
    /// <c>trace_id</c>, <c>name</c> and <c>model_name</c>; never prompts or responses.
    /// </summary>
    [JsonPropertyName("data")]
    public required IReadOnlyDictionary<string, object?> Data { get; init; }

    /// <summary>The event as the body of <c>POST /v0/events</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this, PaygenticJsonContext.Default.PaygenticEvent);

    /// <summary>The event as the body of <c>POST /v0/events</c>, in UTF-8.</summary>
    /// <returns>The JSON bytes.</returns>
    public byte[] ToUtf8Json() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(this, PaygenticJsonContext.Default.PaygenticEvent);

    /// <summary>Reads an event body (a spooled or dead-lettered event, for instance).</summary>
    /// <param name="json">The JSON of one event.</param>
    /// <returns>The event.</returns>
    /// <exception cref="System.Text.Json.JsonException">The JSON is not a Paygentic event (a required field is missing or of the wrong type).</exception>
    public static PaygenticEvent FromJson(string json) =>
        System.Text.Json.JsonSerializer.Deserialize(json, PaygenticJsonContext.Default.PaygenticEvent)
        ?? throw new System.Text.Json.JsonException("The JSON is null, not a Paygentic event.");
}
