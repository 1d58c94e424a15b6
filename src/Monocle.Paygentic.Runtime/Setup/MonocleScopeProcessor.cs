using System.Diagnostics;
using Monocle.Paygentic.Scopes;
using OpenTelemetry;

namespace Monocle.Paygentic.Setup;

/// <summary>
/// Stamps the trace scopes in effect (<c>scope.&lt;name&gt;</c>) on every span the provider records,
/// whatever instrumentation started it, so an HTTP or database span carries the subscription too.
/// Monocle's own spans write their scopes themselves.
/// </summary>
internal sealed class MonocleScopeProcessor : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (!ReferenceEquals(data.Source, MonocleTelemetry.Source))
        {
            ScopeTags.Write(data);
        }
    }
}
