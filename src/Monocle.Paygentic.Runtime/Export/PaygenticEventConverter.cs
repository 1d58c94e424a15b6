using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Monocle.Paygentic.Export;

/// <summary>
/// The one conversion from a span to a Paygentic usage event (SPEC §7), for live spans
/// (<see cref="Activity"/>) and for spans read from Monocle trace files alike.
/// </summary>
/// <remarks>
/// A span bills when its <c>span.type</c> is <c>inference</c> or <c>inference.*</c> and it has a
/// non-empty <c>metadata</c> event. The event is: <c>type</c> = <c>ai.</c> + <c>entity.1.type</c>;
/// <c>subject</c> = <c>scope.subscriptionId</c>, else <c>scope.customerId</c>;
/// <c>idempotencyKey</c> = <c>&lt;trace_id&gt;_&lt;span_id&gt;</c>; <c>timestamp</c> = the span's end;
/// <c>data</c> = <c>span_id</c>, <c>trace_id</c>, <c>name</c>, <c>model_name</c> (from
/// <c>entity.2.name</c>) and the <c>metadata</c> attributes, which win on a clash. Nothing else of
/// the span is read, so prompts and responses never leave. Instances are immutable and thread-safe.
/// </remarks>
public sealed class PaygenticEventConverter
{
    private const string DataSpanId = "span_id";
    private const string DataTraceId = "trace_id";
    private const string DataName = "name";
    private const string TypePrefix = "ai.";

    /// <summary>Creates a converter.</summary>
    /// <param name="options">Source and namespace; <see langword="null"/> for the defaults.</param>
    public PaygenticEventConverter(PaygenticEventConverterOptions? options = null)
    {
        Source = string.IsNullOrEmpty(options?.Source) ? PaygenticEventConverterOptions.DefaultSource : options.Source;
        Namespace = string.IsNullOrEmpty(options?.Namespace) ? null : options.Namespace;
    }

    /// <summary>The <c>source</c> of every event.</summary>
    public string Source { get; }

    /// <summary>The <c>namespace</c> of every event, or <see langword="null"/>.</summary>
    public string? Namespace { get; }

    /// <summary>Converts a finished <see cref="Activity"/>.</summary>
    /// <param name="activity">The span; it should be stopped (its end time is the event's timestamp).</param>
    /// <returns>The event, or why there is none.</returns>
    public PaygenticConversion Convert(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Convert(new ActivitySpan(activity));
    }

    /// <summary>Converts a span of any kind (a <see cref="TraceFiles.MonocleSpanRecord"/> read from a file, or your own).</summary>
    /// <typeparam name="TSpan">The span type; a struct is not boxed.</typeparam>
    /// <param name="span">The span.</param>
    /// <returns>The event, or why there is none.</returns>
    public PaygenticConversion Convert<TSpan>(TSpan span)
        where TSpan : IMonocleSpan
    {
        if (span is null)
        {
            throw new ArgumentNullException(nameof(span));
        }

        if (!span.TryGetAttribute(MonocleAttributes.SpanType, out var spanType)
            || !MonocleSpanTypes.IsInference(spanType as string))
        {
            return PaygenticConversion.Skipped(PaygenticSkipReason.NotInference);
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        var name = span.Name;
        var traceId = span.TraceId;
        var spanId = span.SpanId;
        data[DataSpanId] = spanId;
        data[DataTraceId] = traceId;
        data[DataName] = name;
        if (span.TryGetAttribute(MonocleAttributes.Entity2Name, out var model) && AttributeValues.AsNonEmptyString(model) is { } modelName)
        {
            data[MonocleEvents.ModelName] = modelName;
        }

        if (span.CopyEventAttributes(MonocleEvents.Metadata, data) == 0)
        {
            return PaygenticConversion.Skipped(PaygenticSkipReason.NoUsage, name);
        }

        var idempotencyKey = string.Concat(traceId, "_", spanId);
        if (!span.TryGetAttribute(MonocleAttributes.Entity1Type, out var entityType)
            || AttributeValues.AsNonEmptyString(entityType) is not { } eventTypeSuffix)
        {
            return PaygenticConversion.Skipped(PaygenticSkipReason.NoEventType, name, idempotencyKey);
        }

        var subject = Subject(span, MonocleAttributes.ScopeSubscriptionId) ?? Subject(span, MonocleAttributes.ScopeCustomerId);
        if (subject is null)
        {
            return PaygenticConversion.Skipped(PaygenticSkipReason.NoSubject, name, idempotencyKey);
        }

        return PaygenticConversion.Converted(new PaygenticEvent
        {
            Type = TypePrefix + eventTypeSuffix,
            Source = Source,
            Subject = subject,
            Namespace = Namespace,
            IdempotencyKey = idempotencyKey,
            Timestamp = span.EndTime.ToUniversalTime(),
            Data = data,
        });
    }

    /// <summary>
    /// Converts a batch of spans; a span seen twice (same trace and span id) gives one event, the
    /// later copies <see cref="PaygenticSkipReason.Duplicate"/>.
    /// </summary>
    /// <typeparam name="TSpan">The span type.</typeparam>
    /// <param name="spans">The spans, in order.</param>
    /// <returns>One conversion per span, in order, produced lazily.</returns>
    public IEnumerable<PaygenticConversion> ConvertAll<TSpan>(IEnumerable<TSpan> spans)
        where TSpan : IMonocleSpan
    {
        ArgumentNullException.ThrowIfNull(spans);
        return Iterate(spans);

        IEnumerable<PaygenticConversion> Iterate(IEnumerable<TSpan> source)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var span in source)
            {
                yield return Deduplicate(Convert(span), seen);
            }
        }
    }

    /// <summary>Converts a batch of live spans, one event per distinct span; see <see cref="ConvertAll{TSpan}(IEnumerable{TSpan})"/>.</summary>
    /// <param name="activities">The finished spans, in order.</param>
    /// <returns>One conversion per span, in order, produced lazily.</returns>
    public IEnumerable<PaygenticConversion> ConvertAll(IEnumerable<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        return Iterate(activities);

        IEnumerable<PaygenticConversion> Iterate(IEnumerable<Activity> source)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var activity in source)
            {
                yield return Deduplicate(Convert(activity), seen);
            }
        }
    }

    /// <summary>
    /// Converts a stream of spans (a trace file read with <see cref="TraceFiles.MonocleTraceFile"/>),
    /// one event per distinct span; only the keys of the events seen are kept, so a file larger than
    /// memory converts.
    /// </summary>
    /// <typeparam name="TSpan">The span type.</typeparam>
    /// <param name="spans">The spans, in order.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>One conversion per span, in order.</returns>
    public async IAsyncEnumerable<PaygenticConversion> ConvertAllAsync<TSpan>(
        IAsyncEnumerable<TSpan> spans,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TSpan : IMonocleSpan
    {
        ArgumentNullException.ThrowIfNull(spans);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var span in spans.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Deduplicate(Convert(span), seen);
        }
    }

    private static PaygenticConversion Deduplicate(PaygenticConversion conversion, HashSet<string> seen) =>
        conversion.Event is { } e && !seen.Add(e.IdempotencyKey)
            ? PaygenticConversion.Skipped(PaygenticSkipReason.Duplicate, conversion.SpanName, e.IdempotencyKey)
            : conversion;

    // A blank subject names nobody: billing it would create a customer called "   ".
    private static string? Subject<TSpan>(TSpan span, string attribute)
        where TSpan : IMonocleSpan =>
        span.TryGetAttribute(attribute, out var value) && AttributeValues.AsNonEmptyString(value) is { } subject && !string.IsNullOrWhiteSpace(subject)
            ? subject
            : null;
}
