using System.Diagnostics;

namespace Monocle.Paygentic.Propagation;

/// <summary>
/// A <see cref="DistributedContextPropagator"/> (the runtime's own propagation path, used by
/// <see cref="HttpClient"/> when OpenTelemetry's instrumentation is not) that adds the trace scopes to
/// requests to allowed hosts, after the propagator it wraps has run.
/// </summary>
internal sealed class MonocleScopeDistributedContextPropagator : DistributedContextPropagator
{
    private readonly DistributedContextPropagator _inner;
    private readonly ScopePropagationOptions _options;

    public MonocleScopeDistributedContextPropagator(DistributedContextPropagator inner, ScopePropagationOptions options)
    {
        _inner = inner;
        _options = options;
        Fields = _inner.Fields.Contains(MonocleScopeBaggage.HeaderName)
            ? _inner.Fields
            : [.. _inner.Fields, MonocleScopeBaggage.HeaderName];
    }

    public DistributedContextPropagator Inner => _inner;

    public override IReadOnlyCollection<string> Fields { get; }

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter)
    {
        _inner.Inject(activity, carrier, setter);
        if (carrier is HttpRequestMessage request)
        {
            MonocleScopeBaggage.Apply(request, _options);
        }
    }

    public override void ExtractTraceIdAndState(object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState) =>
        _inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        _inner.ExtractBaggage(carrier, getter);
}
