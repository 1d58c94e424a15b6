using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Monocle.Paygentic.Generators.Model;

namespace Monocle.Paygentic.Generators.Tests.Driver;

/// <summary>Caching: an unrelated edit reuses every step; models hold no compiler objects; broken code never throws.</summary>
public sealed class IncrementalTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Monocle.Paygentic;

        namespace Shop;

        public sealed class Usage { public int InputTokenCount { get; init; } public int OutputTokenCount { get; init; } }
        public sealed class Reply { public Usage? Usage { get; init; } public string? Model { get; init; } }

        public partial class Assistant
        {
            [BillableInference("openai")] public partial Task<Reply> AskAsync([BillingSubject] string? subscriptionId, string q);
            private Task<Reply> AskAsyncCore(string? subscriptionId, string q) => Task.FromResult(new Reply());

            [BillableInference("anthropic")] public partial IAsyncEnumerable<Reply> StreamAsync(string q);
            private async IAsyncEnumerable<Reply> StreamAsyncCore(string q) { await Task.Yield(); yield return new Reply(); }

            [BillingSubject] public partial string Who(string customerId);
            private string WhoCore(string customerId) => customerId;

            [BillableInference("openai")] public partial void Broken(int x);
        }
        """;

    private static readonly string[] s_trackedSteps =
    [
        TrackingNames.BillableInferenceParsed, TrackingNames.BillingSubjectParsed, TrackingNames.Methods,
        TrackingNames.Diagnostics, TrackingNames.Providers, TrackingNames.GeneratedNamespace, TrackingNames.Manifest,
    ];

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop; public static class Unrelated { public static int Answer => 42; }"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
        var steps = second.TrackedSteps.Where(step => s_trackedSteps.Contains(step.Key)).ToList();
        Assert.Equal(s_trackedSteps.Length, steps.Select(s => s.Key).Distinct().Count());
        foreach (var (name, runs) in steps)
        {
            foreach (var output in runs.SelectMany(run => run.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} ran again: {output.Reason}");
            }
        }
    }

    [Fact]
    public void An_edit_of_the_method_reruns_its_pipeline_and_updates_the_code()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Source.Replace("\"anthropic\"", "\"mistral\"", StringComparison.Ordinal))));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains("\"mistral\"", GeneratorHarness.Generated(second, "Assistant.StreamAsync.g.cs"), StringComparison.Ordinal);
        Assert.Contains("ai.inference.mistral", GeneratorHarness.Generated(second, "MonocleEventTypes.g.cs"), StringComparison.Ordinal);
        Assert.Contains(second.TrackedSteps[TrackingNames.Providers].SelectMany(r => r.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void No_model_holds_a_compilation_symbol_or_syntax_node()
    {
        var driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Source));
        var result = driver.GetRunResult().Results.Single();

        var values = result.TrackedSteps.Where(step => s_trackedSteps.Contains(step.Key)).SelectMany(step => step.Value).SelectMany(run => run.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            AssertHoldsNoCompilerObject(value, new HashSet<object>(ReferenceEqualityComparer.Instance), path: value?.GetType().Name ?? "null");
        }
    }

    public static TheoryData<string> BrokenCode => new()
    {
        "using Monocle.Paygentic; public partial class C { [BillableInference(",
        "using Monocle.Paygentic; public partial class C { [BillableInference] public partial void Log(); }",
        "using Monocle.Paygentic; public partial class C { [BillableInference(\"openai\")] public partial Task<",
        "using Monocle.Paygentic; public partial class C { [BillableInference(\"openai\")] public partial Missing Ask(Unknown u); private Missing AskCore(Unknown u) => null; }",
        "using Monocle.Paygentic; public partial class C { [BillableInference(42)] public partial void Log(); private void LogCore() { } }",
        "using Monocle.Paygentic; public partial class C { [BillableInference(\"openai\")] public partial void Log(int x = ); private void LogCore(int x) { MonocleTrace.ReportUsage( } }",
        "using Monocle.Paygentic; [BillableInference(\"openai\")] partial void Log();",
        "using Monocle.Paygentic; public partial class C { [BillingSubject] public partial string Run(string subscriptionId",
        "using Monocle.Paygentic; public partial class C { [BillingSubject(\"x\")] public partial string Run([BillingSubject] string); }",
        "using Monocle.Paygentic; public partial class C<T> where T : { [BillableInference(\"openai\")] public partial T Ask<U>(U u) where U : ; private T AskCore<U>(U u) => default; }",
    };

    [Theory]
    [MemberData(nameof(BrokenCode))]
    public void Half_typed_code_never_makes_the_generator_throw(string source)
    {
        var driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(source));
        var result = driver.GetRunResult().Results.Single();

        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "CS8784" or "CS8785");
    }

    private static void AssertHoldsNoCompilerObject(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel or Location or SyntaxTree, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertHoldsNoCompilerObject(item, seen, $"{path}[{i++}]");
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
            {
                AssertHoldsNoCompilerObject(field.GetValue(value), seen, $"{path}.{field.Name}");
            }
        }
    }
}
