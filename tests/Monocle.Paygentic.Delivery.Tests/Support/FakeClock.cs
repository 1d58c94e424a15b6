using Microsoft.Extensions.Time.Testing;

namespace Monocle.Paygentic.Delivery.Tests.Support;

/// <summary>
/// Drives the exporter's fake clock. Backoff, Retry-After, probes and deadlines are waits on the
/// <see cref="FakeTimeProvider"/>, so no test sleeps for them; the short real yields only let loopback
/// HTTP and file I/O finish. Every loop is bounded in iterations, never in elapsed time.
/// </summary>
internal static class FakeClock
{
    private const int MaxIterations = 600;
    private static readonly TimeSpan s_realYield = TimeSpan.FromMilliseconds(10);

    /// <summary>Advances <paramref name="time"/> by <paramref name="step"/> until <paramref name="condition"/> holds.</summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition, TimeSpan step, string what)
    {
        for (var i = 0; i < MaxIterations; i++)
        {
            if (condition())
            {
                return;
            }

            time.Advance(step);
            await Task.Delay(s_realYield);
        }

        throw new Xunit.Sdk.XunitException($"Not reached after {MaxIterations} steps of {step}: {what}.");
    }

    /// <summary>Waits, without moving the fake clock, until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < MaxIterations; i++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(s_realYield);
        }

        throw new Xunit.Sdk.XunitException($"Not reached without advancing the clock: {what}.");
    }

    /// <summary>Advances <paramref name="time"/> by <paramref name="total"/> in steps, yielding to real I/O after each, so every timer due on the way fires.</summary>
    public static async Task AdvanceAsync(FakeTimeProvider time, TimeSpan total, TimeSpan step)
    {
        for (var moved = TimeSpan.Zero; moved < total; moved += step)
        {
            time.Advance(step <= total - moved ? step : total - moved);
            await Task.Delay(s_realYield);
        }
    }

    /// <summary>Lets real I/O settle so that "nothing happened" is observed after anything that could have happened did.</summary>
    public static Task SettleAsync() => Task.Delay(TimeSpan.FromMilliseconds(100));
}
