using Microsoft.Extensions.Logging;

namespace Monocle.Paygentic.Delivery;

/// <summary>
/// Where the exporter reports problems: its <see cref="PaygenticExporterEventSource"/> always, and an
/// <see cref="ILogger"/> when the application has one; with no logging configured, warnings and errors
/// go to standard error so they are never silent. Messages never contain the API key.
/// </summary>
internal sealed class DeliveryLog(ILogger? logger, TextWriter? fallback, TimeProvider time)
{
    private static readonly Action<ILogger, string, Exception?> s_error =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(1, "PaygenticExporterError"), "{Message}");

    private static readonly Action<ILogger, string, Exception?> s_warning =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(2, "PaygenticExporterWarning"), "{Message}");

    private static readonly Action<ILogger, string, Exception?> s_information =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(3, "PaygenticExporterInformation"), "{Message}");

    private readonly Dictionary<string, DateTimeOffset> _lastWritten = new(StringComparer.Ordinal);

    public void Error(string message) => Write(LogLevel.Error, message);

    public void Warning(string message) => Write(LogLevel.Warning, message);

    public void Information(string message) => Write(LogLevel.Information, message);

    /// <summary>Writes at most once per <paramref name="interval"/> for each <paramref name="topic"/>.</summary>
    public void Limited(LogLevel level, string topic, TimeSpan interval, string message)
    {
        var now = time.GetUtcNow();
        lock (_lastWritten)
        {
            if (_lastWritten.TryGetValue(topic, out var last) && now - last < interval)
            {
                return;
            }

            _lastWritten[topic] = now;
        }

        Write(level, message);
    }

    private void Write(LogLevel level, string message)
    {
        switch (level)
        {
            case LogLevel.Error or LogLevel.Critical:
                PaygenticExporterEventSource.Log.Error(message);
                break;
            case LogLevel.Warning:
                PaygenticExporterEventSource.Log.Warning(message);
                break;
            default:
                PaygenticExporterEventSource.Log.Information(message);
                break;
        }

        if (logger is not null)
        {
            (level switch
            {
                >= LogLevel.Error => s_error,
                LogLevel.Warning => s_warning,
                _ => s_information,
            })(logger, message, null);
        }
        else if (fallback is not null && level >= LogLevel.Warning)
        {
            lock (fallback)
            {
                fallback.WriteLine($"Monocle.Paygentic {(level >= LogLevel.Error ? "error" : "warning")}: {message}");
            }
        }
    }
}
