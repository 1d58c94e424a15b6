using Monocle.Paygentic.Sample;
using Spectre.Console;

// The support desk, billed through Paygentic. Offline by default; see SampleSettings for the variables
// that point it at a real OpenAI-compatible server or Paygentic endpoint.
await using var app = await SampleApp.StartAsync(SampleSettings.FromEnvironment());
WorkloadResult result;
try
{
    result = await app.RunWorkloadAsync();
}
catch (Exception e) when (e is System.ClientModel.ClientResultException or HttpRequestException or AggregateException)
{
    // An unreachable or failing model server is the user's setup, not a crash: say which and where.
    await Console.Error.WriteLineAsync(
        $"The OpenAI-compatible server at {app.OpenAIBaseUrl} failed: {e.Message} Check OPENAI_BASE_URL and OPENAI_API_KEY, " +
        "or unset both to use the sample's local server.");
    return 1;
}

var meters = app.Emulator is null ? null : await app.ReadMetersAsync();
SampleReport.Write(AnsiConsole.Console, app, result, meters);
return result.Delivered ? 0 : 1;
