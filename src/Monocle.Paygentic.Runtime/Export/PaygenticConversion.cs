namespace Monocle.Paygentic.Export;

/// <summary>The outcome of converting one span: either an <see cref="Event"/> or the reason there is none.</summary>
public readonly struct PaygenticConversion
{
    private PaygenticConversion(PaygenticEvent? paygenticEvent, PaygenticSkipReason reason, string? spanName, string? idempotencyKey)
    {
        Event = paygenticEvent;
        SkipReason = reason;
        SpanName = spanName;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The event, when the span bills; otherwise <see langword="null"/>.</summary>
    public PaygenticEvent? Event { get; }

    /// <summary>Why there is no event; <see cref="PaygenticSkipReason.None"/> when there is one.</summary>
    public PaygenticSkipReason SkipReason { get; }

    /// <summary>Whether the span gave an event.</summary>
    public bool HasEvent => Event is not null;

    /// <summary>The span's name, for diagnostics; <see langword="null"/> for spans skipped as not billable.</summary>
    public string? SpanName { get; }

    /// <summary>The span's <c>&lt;trace_id&gt;_&lt;span_id&gt;</c>, for diagnostics; <see langword="null"/> for spans skipped as not billable.</summary>
    public string? IdempotencyKey { get; }

    internal static PaygenticConversion Converted(PaygenticEvent paygenticEvent) =>
        new(paygenticEvent, PaygenticSkipReason.None, paygenticEvent.Data.TryGetValue("name", out var n) ? n as string : null, paygenticEvent.IdempotencyKey);

    internal static PaygenticConversion Skipped(PaygenticSkipReason reason, string? spanName = null, string? idempotencyKey = null) =>
        new(null, reason, spanName, idempotencyKey);

    /// <summary>A sentence saying what happened, fit for a log line.</summary>
    public override string ToString() => SkipReason switch
    {
        PaygenticSkipReason.None => $"event {Event!.Type} for {Event.Subject} ({IdempotencyKey})",
        PaygenticSkipReason.NotInference => "skipped: not an inference span",
        PaygenticSkipReason.NoUsage => $"skipped: inference span '{SpanName}' carries no usage (no metadata event)",
        PaygenticSkipReason.NoEventType => $"skipped: span '{SpanName}' ({IdempotencyKey}) has usage but no entity.1.type to name the event type",
        PaygenticSkipReason.NoSubject =>
            $"dropped: no subject resolved for span '{SpanName}' ({IdempotencyKey}); open a MonocleTrace.Scope(\"subscriptionId\" or \"customerId\", ...) around the call",
        PaygenticSkipReason.Duplicate => $"skipped: span '{SpanName}' ({IdempotencyKey}) was already converted",
        _ => SkipReason.ToString(),
    };
}
