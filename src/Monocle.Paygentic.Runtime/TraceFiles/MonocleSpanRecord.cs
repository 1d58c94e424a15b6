using Monocle.Paygentic.Export;

namespace Monocle.Paygentic.TraceFiles;

/// <summary>
/// One span of a Monocle trace file, as the Python file exporter (and <see cref="MonocleFileExporter"/>)
/// writes it. Ids are normalised to lowercase hex without <c>0x</c>, whatever the file used.
/// </summary>
public sealed class MonocleSpanRecord : IMonocleSpan
{
    /// <summary>The span name.</summary>
    public required string Name { get; init; }

    /// <summary>The trace id: 32 lowercase hex digits.</summary>
    public required string TraceId { get; init; }

    /// <summary>The span id: 16 lowercase hex digits.</summary>
    public required string SpanId { get; init; }

    /// <summary>The parent span id, or <see langword="null"/> for a root span.</summary>
    public string? ParentId { get; init; }

    /// <summary>The span kind as written, e.g. <c>SpanKind.INTERNAL</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>When the span started, when the file says.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When the span ended.</summary>
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>The status code as written: <c>OK</c>, <c>ERROR</c> or <c>UNSET</c>.</summary>
    public string? StatusCode { get; init; }

    /// <summary>The span attributes: string, long, double, bool, null, or a <see cref="System.Text.Json.JsonElement"/> for arrays and objects.</summary>
    public required IReadOnlyDictionary<string, object?> Attributes { get; init; }

    /// <summary>The span events, in file order.</summary>
    public required IReadOnlyList<MonocleSpanEvent> Events { get; init; }

    /// <summary>The attributes of the resource that wrote the span (<c>service.name</c>, …).</summary>
    public required IReadOnlyDictionary<string, object?> ResourceAttributes { get; init; }

    /// <inheritdoc/>
    public bool TryGetAttribute(string name, out object? value) => Attributes.TryGetValue(name, out value);

    /// <inheritdoc/>
    public int CopyEventAttributes(string eventName, IDictionary<string, object?> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var copied = 0;
        foreach (var spanEvent in Events)
        {
            if (!string.Equals(spanEvent.Name, eventName, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var attribute in spanEvent.Attributes)
            {
                target[attribute.Key] = attribute.Value;
                copied++;
            }
        }

        return copied;
    }
}
