using System.Diagnostics.Tracing;

namespace Monocle.Paygentic.Delivery;

/// <summary>Self-diagnostics of the Paygentic exporter, as OpenTelemetry's exporters have them.</summary>
[EventSource(Name = "OpenTelemetry-Exporter-Paygentic")]
internal sealed class PaygenticExporterEventSource : EventSource
{
    public static readonly PaygenticExporterEventSource Log = new();

    [Event(1, Level = EventLevel.Error, Message = "{0}")]
    public void Error(string message) => WriteEvent(1, message);

    [Event(2, Level = EventLevel.Warning, Message = "{0}")]
    public void Warning(string message) => WriteEvent(2, message);

    [Event(3, Level = EventLevel.Informational, Message = "{0}")]
    public void Information(string message) => WriteEvent(3, message);
}
