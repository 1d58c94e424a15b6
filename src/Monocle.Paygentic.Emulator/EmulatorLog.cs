namespace Monocle.Paygentic.Emulator;

/// <summary>The emulator's log messages. None carries an API key; at most its environment prefix.</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(1, LogLevel.Information, "Request refused (401): {Reason}")]
    public static partial void Unauthorized(ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Warning, "Request refused (403): a {KeyPrefix} key was sent to the {Environment} emulator.")]
    public static partial void EnvironmentMismatch(ILogger logger, string keyPrefix, PaygenticEnvironment environment);

    [LoggerMessage(3, LogLevel.Information, "Event rejected (422): no billable metric has eventType '{EventType}'.")]
    public static partial void UnknownEventType(ILogger logger, string eventType);

    [LoggerMessage(4, LogLevel.Debug, "Event {EventId} of type '{EventType}' stored for subject '{Subject}'.")]
    public static partial void EventStored(ILogger logger, string eventId, string eventType, string subject);

    [LoggerMessage(5, LogLevel.Debug, "Duplicate idempotency key; answered with stored event {EventId}.")]
    public static partial void Duplicate(ILogger logger, string eventId);

    [LoggerMessage(6, LogLevel.Information, "Injected fault {Kind} (status {StatusCode}) on {Path}.")]
    public static partial void FaultInjected(ILogger logger, Faults.FaultKind kind, int statusCode, string path);

    [LoggerMessage(7, LogLevel.Information, "Billable metric {MetricId} created for eventType '{EventType}'.")]
    public static partial void MetricCreated(ILogger logger, string metricId, string? eventType);
}
