using OpenTelemetry.Context.Propagation;

namespace Monocle.Paygentic.Propagation;

/// <summary>
/// An OpenTelemetry propagator that adds the trace scopes to requests that OpenTelemetry's HTTP
/// instrumentation propagates to, for allowed hosts only, after the propagator it wraps has run.
/// Installed by <see cref="MonocleScopePropagation.Enable(Action{ScopePropagationOptions})"/>.
/// </summary>
internal sealed class MonocleScopeTextMapPropagator : TextMapPropagator
{
    private readonly TextMapPropagator _inner;
    private readonly ScopePropagationOptions _options;

    public MonocleScopeTextMapPropagator(TextMapPropagator inner, ScopePropagationOptions options)
    {
        _inner = inner;
        _options = options;
        Fields = new HashSet<string>(inner.Fields ?? Enumerable.Empty<string>()) { MonocleScopeBaggage.HeaderName };
    }

    public TextMapPropagator Inner => _inner;

    public override ISet<string> Fields { get; }

    public override PropagationContext Extract<T>(PropagationContext context, T carrier, Func<T, string, IEnumerable<string>?> getter) =>
        _inner.Extract(context, carrier, getter);

    public override void Inject<T>(PropagationContext context, T carrier, Action<T, string, string> setter)
    {
        _inner.Inject(context, carrier, setter);
        if (carrier is HttpRequestMessage request)
        {
            MonocleScopeBaggage.Apply(request, _options);
        }
    }
}
