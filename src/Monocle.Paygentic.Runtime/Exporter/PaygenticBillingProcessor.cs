using System.Diagnostics;
using OpenTelemetry;

namespace Monocle.Paygentic.Delivery;

/// <summary>
/// Feeds ended inference spans to the <see cref="PaygenticExporter"/> whether or not the trace was
/// sampled: billing must not depend on a sampler. An export processor of OpenTelemetry skips spans
/// that are not recorded; this one does not, and its listener makes Monocle's spans carry their data
/// (tags, the metadata event) even when the sampler drops them.
/// </summary>
internal sealed class PaygenticBillingProcessor : BaseProcessor<Activity>
{
    private readonly PaygenticExporter _exporter;
    private readonly ActivityListener _billingListener;
    private readonly IDisposable? _optionsSubscription;

    public PaygenticBillingProcessor(PaygenticExporter exporter, IDisposable? optionsSubscription = null)
    {
        _exporter = exporter;
        _optionsSubscription = optionsSubscription;
        _billingListener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == MonocleTelemetry.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(_billingListener);
    }

    public PaygenticExporter Exporter => _exporter;

    public override void OnEnd(Activity data)
    {
        if (data.IsAllDataRequested && MonocleSpanTypes.IsInference(data.GetTagItem(MonocleAttributes.SpanType) as string))
        {
            _exporter.ExportSpan(data);
        }
    }

    protected override bool OnForceFlush(int timeoutMilliseconds) => _exporter.ForceFlush(timeoutMilliseconds);

    protected override bool OnShutdown(int timeoutMilliseconds)
    {
        _billingListener.Dispose();
        _optionsSubscription?.Dispose();
        return _exporter.Shutdown(timeoutMilliseconds);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _billingListener.Dispose();
            _optionsSubscription?.Dispose();
            _exporter.Dispose();
        }

        base.Dispose(disposing);
    }
}
