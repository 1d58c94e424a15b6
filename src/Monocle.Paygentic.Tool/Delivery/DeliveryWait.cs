namespace Monocle.Paygentic.Tool.Delivery;

/// <summary>How a command waits for the events it spooled: not at all when nothing can be sent, else up to its timeout.</summary>
internal static class DeliveryWait
{
    /// <summary>
    /// Waits until <paramref name="exporter"/>'s spool is delivered. Returns <see langword="null"/> when it is,
    /// else a sentence saying why not and where the events wait.
    /// </summary>
    public static async Task<string?> WaitAsync(PaygenticExporter exporter, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (exporter.ConfigurationError is { } configurationError)
        {
            // Nothing can be sent until the configuration is right: say so now rather than wait out the timeout.
            return $"{configurationError} The {exporter.Statistics.Pending} spooled event(s) stay in {exporter.SpoolDirectory} for the next run.";
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await exporter.WaitForDeliveryAsync(deadline.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{exporter.Statistics.Pending} event(s) were not delivered to {exporter.Endpoint} within {timeout}; they stay in " +
                $"{exporter.SpoolDirectory} and are sent by the next run (see the errors above for why).";
        }
    }
}
