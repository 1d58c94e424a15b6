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

    private const string UnscopedCall = """
        using Monocle.Paygentic;

        var billing = new Billing();
        Console.WriteLine(billing.Charge("hello"));

        public sealed class Billing
        {
            [RequiresBillingSubject]
            public string Charge(string text) => text.ToUpperInvariant();
        }
        """;

    [Fact]
    public async Task The_build_warns_MPG0001_for_an_unscoped_billable_call_and_not_once_it_is_scoped()
    {
        using var unscoped = new ConsumerProject(package, "Unscoped").WithFile("Program.cs", UnscopedCall);
        var warned = (await unscoped.BuildAsync()).EnsureSuccess();
        Assert.Contains("warning MPG0001", warned.Output, StringComparison.Ordinal);

        var scopedProgram = UnscopedCall.Replace(
            "Console.WriteLine(billing.Charge(\"hello\"));",
            "using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, \"sub_1\")) { Console.WriteLine(billing.Charge(\"hello\")); }",
            StringComparison.Ordinal);
        Assert.NotEqual(UnscopedCall, scopedProgram);
        using var scoped = new ConsumerProject(package, "Scoped").WithFile("Program.cs", scopedProgram);
        var clean = (await scoped.BuildAsync()).EnsureSuccess();
        Assert.DoesNotContain("MPG0001", clean.Output, StringComparison.Ordinal);
        Assert.Contains("HELLO", (await scoped.RunAsync()).EnsureSuccess().Output, StringComparison.Ordinal);
    }

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
