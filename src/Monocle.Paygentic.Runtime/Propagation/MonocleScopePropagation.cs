using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace Monocle.Paygentic.Propagation;

/// <summary>
/// Sends trace scopes to other services as W3C baggage entries <c>monocle.scope.&lt;name&gt;</c>
/// (Monocle's key), on both propagation paths .NET has: OpenTelemetry's propagator (used by its HTTP
/// instrumentation) and the runtime's <see cref="DistributedContextPropagator"/> (used by
/// <see cref="HttpClient"/> itself). Only hosts named in <see cref="ScopePropagationOptions.AllowedHosts"/>
/// receive them; every other host gets no <c>monocle.scope.*</c> entry at all.
/// </summary>
/// <remarks>
/// The receiving service turns the entries back into scopes only if it trusts the caller: see the
/// Monocle.Paygentic.AspNetCore package.
/// </remarks>
public static class MonocleScopePropagation
{
    private static readonly object s_gate = new();

    /// <summary>
    /// Installs scope propagation process-wide, wrapping the propagators in place now.
    /// </summary>
    /// <param name="configure">Names the hosts that may receive scopes.</param>
    /// <returns>A handle whose disposal puts back the propagators that were in place.</returns>
    /// <example>
    /// <code>
    /// MonocleScopePropagation.Enable(o =&gt; o.AllowedHosts.Add("billing.internal"));
    /// </code>
    /// </example>
    public static IDisposable Enable(Action<ScopePropagationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new ScopePropagationOptions();
        configure(options);

        lock (s_gate)
        {
            var previousRuntime = DistributedContextPropagator.Current;
            var previousOpenTelemetry = Propagators.DefaultTextMapPropagator;
            DistributedContextPropagator.Current = new MonocleScopeDistributedContextPropagator(Unwrap(previousRuntime), options);
            Sdk.SetDefaultTextMapPropagator(new MonocleScopeTextMapPropagator(Unwrap(previousOpenTelemetry), options));
            return new Installation(previousRuntime, previousOpenTelemetry);
        }
    }

    // Enabling twice replaces the first configuration instead of stacking two.
    private static DistributedContextPropagator Unwrap(DistributedContextPropagator propagator) =>
        propagator is MonocleScopeDistributedContextPropagator ours ? ours.Inner : propagator;

    private static TextMapPropagator Unwrap(TextMapPropagator propagator) =>
        propagator is MonocleScopeTextMapPropagator ours ? ours.Inner : propagator;

    private sealed class Installation(DistributedContextPropagator runtime, TextMapPropagator openTelemetry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (s_gate)
                {
                    DistributedContextPropagator.Current = runtime;
                    Sdk.SetDefaultTextMapPropagator(openTelemetry);
                }
            }
        }
    }
}
