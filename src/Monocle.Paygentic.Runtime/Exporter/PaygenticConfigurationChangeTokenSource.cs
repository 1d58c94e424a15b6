using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.Delivery;

/// <summary>
/// Tells <see cref="IOptionsMonitor{TOptions}"/> when the <c>Paygentic</c> configuration section reloads,
/// so a key corrected in configuration reaches the exporter without a restart. (The options are bound by
/// hand, trimming-safe, so the binder's own token source is not registered.)
/// </summary>
internal sealed class PaygenticConfigurationChangeTokenSource(string name, IConfiguration? configuration)
    : IOptionsChangeTokenSource<PaygenticExporterOptions>
{
    private static readonly IChangeToken s_never = new CancellationChangeToken(CancellationToken.None);

    public string Name => name;

    public IChangeToken GetChangeToken() =>
        configuration?.GetSection(PaygenticExporterExtensions.ConfigurationSection).GetReloadToken() ?? s_never;
}
