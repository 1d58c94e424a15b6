namespace Monocle.Paygentic.Package.Tests;

/// <summary>A user's project that references only the package: it restores, builds and runs.</summary>
[Collection(PackedPackageCollection.Name)]
public sealed class ConsumerTests(PackedPackage package)
{
    private const string TracingProgram = """
        using System.Diagnostics;
        using Monocle.Paygentic;
        using Monocle.Paygentic.Instrumentation;

        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MonocleTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                var metadata = a.Events.Single(e => e.Name == MonocleEvents.Metadata);
                Console.WriteLine($"span {a.DisplayName} {a.GetTagItem("entity.1.type")} subject={a.GetTagItem("scope.subscriptionId")} total={metadata.Tags.Single(t => t.Key == "total_tokens").Value}");
            },
        };
        ActivitySource.AddActivityListener(listener);

        using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_consumer"))
        {
            var span = InferenceSpan.Start("openai", "Consumer.Ask", "gpt-4o-mini");
            span.End(new InferenceUsage { PromptTokens = 7, CompletionTokens = 5 });
        }
        """;

    [Fact]
    public async Task A_console_project_with_one_package_reference_builds_and_runs()
    {
        using var consumer = new ConsumerProject(package, "Consumer").WithFile("Program.cs", TracingProgram);

        var build = (await consumer.BuildAsync()).EnsureSuccess();
        var run = (await consumer.RunAsync()).EnsureSuccess();

        Assert.DoesNotContain("CS9057", build.Output, StringComparison.Ordinal);   // the analyzers load on this compiler
        Assert.Contains("span Consumer.Ask inference.openai subject=sub_consumer total=12", run.Output, StringComparison.Ordinal);
    }
}
