using System.Diagnostics;
using System.Reflection;

namespace Monocle.Paygentic;

/// <summary>
/// The entry point of Monocle tracing: the <see cref="ActivitySource"/> that inference spans come from.
/// </summary>
public static partial class MonocleTelemetry
{
    /// <summary>
    /// The name of the <see cref="ActivitySource"/> of Monocle.Paygentic's spans; add it to an
    /// OpenTelemetry <c>TracerProviderBuilder</c> with <c>AddSource</c> (<c>AddMonocle()</c> does).
    /// </summary>
    public const string ActivitySourceName = "Monocle.Paygentic";

    /// <summary>The version of this library, written on every span as <see cref="MonocleAttributes.MonocleVersion"/>.</summary>
    public static string Version { get; } = typeof(MonocleTelemetry).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    internal static ActivitySource Source { get; } = new(ActivitySourceName, Version);
}
