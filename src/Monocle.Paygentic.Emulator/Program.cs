using Monocle.Paygentic.Emulator;
using Monocle.Paygentic.Emulator.Hosting;

// The standalone emulator: parse, start, print where it listens, run until Ctrl+C.
var (options, showHelp, error) = EmulatorCommandLine.Parse(args, Environment.GetEnvironmentVariable("PAYGENTIC_EMULATOR_API_KEY"));
if (showHelp)
{
    Console.Out.WriteLine(EmulatorCommandLine.Help);
    return 0;
}

if (error is not null)
{
    await Console.Error.WriteLineAsync($"error: {error}\nRun with --help for the options.").ConfigureAwait(false);
    return 2;
}

options!.ConfigureLogging = logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddFilter("Microsoft", LogLevel.Warning)
    // A failed start (a port in use) is reported below in one sentence; the host's own log of it is a stack trace.
    .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None)
    .AddFilter("Monocle", LogLevel.Information);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

PaygenticEmulator emulator;
try
{
    emulator = await PaygenticEmulator.StartAsync(options, stop.Token).ConfigureAwait(false);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or IOException)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
    return 1;
}

await using (emulator.ConfigureAwait(false))
{
    var sandbox = emulator.Environment == PaygenticEnvironment.Sandbox;
    Console.Out.WriteLine($"Paygentic emulator ({(sandbox ? "sandbox" : "live")}) listening on {emulator.BaseUri}");
    Console.Out.WriteLine($"  database: {options.DatabasePath ?? "in memory (lost at exit; use --db <path> to keep it)"}");
    Console.Out.WriteLine($"  exporter: PAYGENTIC_EVENT_ENDPOINT={emulator.EventsUri}{(sandbox ? " PAYGENTIC_SANDBOX=true" : string.Empty)}");
    Console.Out.WriteLine($"  meters:   {emulator.BaseUri}meters    (Ctrl+C to stop)");
    try
    {
        await emulator.WaitForShutdownAsync(stop.Token).ConfigureAwait(false);
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
    }
}

return 0;
