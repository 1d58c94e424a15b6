using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Monocle.Paygentic;

namespace Monocle.Paygentic.Analyzers.Tests;

/// <summary>
/// Runs an analyzer (and optionally a code fix) over C# sources compiled against .NET 10, the
/// Monocle.Paygentic runtime and the real OpenAI, Microsoft.Extensions.AI and Anthropic SDKs, and
/// compares the diagnostics with the <c>{|MPGnnnn:...|}</c> markup in the source.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAsync(new[] { source }, expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) =>
        VerifyAsync(sources, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>Sources of an executable, for top-level statements.</summary>
    public static Task VerifyProgramAsync(string[] sources, params DiagnosticResult[] expected) =>
        VerifyAsync(sources, OutputKind.ConsoleApplication, expected);

    private static async Task VerifyAsync(string[] sources, OutputKind outputKind, DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        test.TestState.OutputKind = outputKind;
        TestReferences.Apply(test.TestState, test);
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}

/// <summary>Analyzer + code fix runs with the same references as <see cref="AnalyzerVerifier{TAnalyzer}"/>.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static async Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null, string? fixAllSource = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        TestReferences.Apply(test.TestState, test);
        TestReferences.Apply(test.FixedState, test);
        if (fixAllSource is not null)
        {
            test.BatchFixedCode = fixAllSource;
            TestReferences.Apply(test.BatchFixedState, test);
        }

        await test.RunAsync();
    }
}

internal static class TestReferences
{
    // The SDK assemblies, so the analyzers are tested against the real type and method names.
    private static readonly MetadataReference[] Sdks =
    {
        MetadataReference.CreateFromFile(typeof(MonocleTrace).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(OpenAI.Chat.ChatClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(System.ClientModel.ClientResult).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Anthropic.AnthropicClient).Assembly.Location),
    };

    public static void Apply(SolutionState state, AnalyzerTest<DefaultVerifier> test)
    {
        // ReferenceAssemblies.Net.Net90 downloads its packs; the Basic.Reference.Assemblies copy is local.
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(Net100.References.All);
        state.AdditionalReferences.AddRange(Sdks);
    }
}
