using Monocle.Paygentic.Sample;
using Spectre.Console;

// The support desk, billed through Paygentic. Offline by default; see SampleSettings for the variables
// that point it at a real OpenAI-compatible server or Paygentic endpoint.
await using var app = await SampleApp.StartAsync(SampleSettings.FromEnvironment());
var result = await app.RunWorkloadAsync();
var meters = app.Emulator is null ? null : await app.ReadMetersAsync();
SampleReport.Write(AnsiConsole.Console, app, result, meters);
return result.Delivered ? 0 : 1;
