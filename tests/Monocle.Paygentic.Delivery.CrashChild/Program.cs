// Usage: CrashChild <count>. Endpoint, key and spool folder come from PAYGENTIC_* variables.
// Makes <count> billable calls (call i: i+1 prompt tokens, 2 completion tokens, subscription sub_crash),
// prints "EXPORTED <count>" once Export has returned for all of them, then waits for SIGKILL. The tracer
// provider is deliberately never disposed: the process must die with events still undelivered.
using System.Globalization;
using Monocle.Paygentic;
using Monocle.Paygentic.Instrumentation;
using OpenTelemetry;
using OpenTelemetry.Trace;

var count = int.Parse(args[0], CultureInfo.InvariantCulture);
var tracing = Sdk.CreateTracerProviderBuilder()
    .AddMonocle(o => o.WorkflowName = "crash-child")
    .AddPaygenticExporter()
    .Build();

using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_crash"))
{
    for (var i = 0; i < count; i++)
    {
        var span = InferenceSpan.Start("openai", "CrashChild.Ask", model: "gpt-4o");
        span.End(new InferenceUsage { PromptTokens = i + 1, CompletionTokens = 2 });
    }
}

Console.Out.WriteLine($"EXPORTED {count}");
Console.Out.Flush();
GC.KeepAlive(tracing);
Thread.Sleep(Timeout.Infinite);
