using System.Globalization;
using Monocle.Paygentic.Emulator.Api;
using Monocle.Paygentic.Emulator.Hosting;

namespace Monocle.Paygentic.Emulator.Faults;

/// <summary>
/// Applies the <see cref="FaultInjector"/>'s decision to <c>POST /v0/events</c> before the API
/// sees the request, as a gateway or network in front of Paygentic would. Faults that need the
/// store (<see cref="FaultKind.FailStorage"/>, <see cref="FaultKind.DropAfterStore"/>) are handed on.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, EmulatorContext emulator)
{
    public const string FaultItem = "Monocle.Paygentic.Emulator.Fault";

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.Equals("/v0/events", StringComparison.OrdinalIgnoreCase))
        {
            await next(http).ConfigureAwait(false);
            return;
        }

        emulator.Counters.Request();
        var fault = emulator.Faults.Next();
        if (fault.Latency > TimeSpan.Zero)
        {
            // The client may give up while it waits; then there is nobody left to answer.
            try
            {
                await Task.Delay(fault.Latency, emulator.Time, http.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        if (fault.Kind != FaultKind.Pass)
        {
            emulator.Counters.Faulted();
            EmulatorLog.FaultInjected(emulator.Logger, fault.Kind, fault.StatusCode, http.Request.Path);
        }

        switch (fault.Kind)
        {
            case FaultKind.Drop:
                http.Abort();
                return;
            case FaultKind.Status:
                if (fault.RetryAfter is { } retryAfter)
                {
                    http.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var (error, message) = fault.StatusCode == StatusCodes.Status429TooManyRequests
                    ? ("rate_limited", "Too many requests (injected by the emulator). Retry after the Retry-After delay.")
                    : ("internal_server_error", $"Injected fault: the emulator answered {fault.StatusCode}. Nothing was stored.");
                await ApiErrors.Error(fault.StatusCode, error, message, "EMULATED_FAULT").ExecuteAsync(http).ConfigureAwait(false);
                return;
            default:
                http.Items[FaultItem] = fault;
                await next(http).ConfigureAwait(false);
                return;
        }
    }
}
