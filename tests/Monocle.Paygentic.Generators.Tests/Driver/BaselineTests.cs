namespace Monocle.Paygentic.Generators.Tests.Driver;

/// <summary>
/// The generated code for each return shape, compared line by line with <c>Baselines/*.generated.txt</c>;
/// each case also compiles with the generated code without a warning. To accept a deliberate change, run
/// with <c>MONOCLE_UPDATE_BASELINES=1</c> and review the diff.
/// </summary>
public sealed class BaselineTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Monocle.Paygentic;

        namespace Shop;

        public sealed class Reply
        {
            public string Text { get; init; } = "";
            public Usage? Usage { get; init; }
            public string? Model { get; init; }
            public Reason FinishReason { get; init; }
        }

        public sealed class Usage
        {
            public int InputTokenCount { get; init; }
            public int OutputTokenCount { get; init; }
            public int TotalTokenCount { get; init; }
        }

        public enum Reason { Stop, Length, ToolCalls }

        public sealed class Result<T>(T value) { public T Value { get; } = value; }

        """;

    public static TheoryData<string, string> Cases => new()
    {
        { "Value", "[BillableInference(\"openai\", Model = \"gpt-4o\")] public partial Reply Ask(string question); private Reply AskCore(string question) => new();" },
        { "TaskOfT", "[BillableInference(\"openai\")] public partial Task<Reply> AskAsync(string question, [InferenceModel] string model, CancellationToken cancellationToken = default); private Task<Reply> AskAsyncCore(string question, string model, CancellationToken cancellationToken) => Task.FromResult(new Reply());" },
        { "ValueTaskOfT", "[BillableInference(\"openai\")] internal partial ValueTask<Reply> AskAsync(string question); private ValueTask<Reply> AskAsyncCore(string question) => new(new Reply());" },
        { "Task", "[BillableInference(\"anthropic\")] public partial Task SendAsync([BillingSubject] string? subscriptionId); private Task SendAsyncCore(string? subscriptionId) { MonocleTrace.ReportUsage(new InferenceUsage { PromptTokens = 1 }); return Task.CompletedTask; }" },
        { "ValueTask", "[BillableInference(\"anthropic\")] public partial ValueTask SendAsync(); private ValueTask SendAsyncCore() { MonocleTrace.ReportUsage(default); return default; }" },
        { "Void", "[BillableInference(\"groq\")] public static partial void Log(params string[] lines); private static void LogCore(params string[] lines) => MonocleTrace.ReportUsage(default);" },
        { "AsyncEnumerable", "[BillableInference(\"openai\")] public partial IAsyncEnumerable<Reply> StreamAsync(string question); private async IAsyncEnumerable<Reply> StreamAsyncCore(string question) { await Task.Yield(); yield return new Reply(); }" },
        { "ValueHolder", "[BillableInference(\"openai\")] public partial Task<Result<Reply>> AskAsync(string question); private Task<Result<Reply>> AskAsyncCore(string question) => Task.FromResult(new Result<Reply>(new Reply()));" },
        { "RefAndOut", "[BillableInference(\"openai\")] public partial Reply Ask(ref int attempts, out string? id, in long budget); private Reply AskCore(ref int attempts, out string? id, in long budget) { attempts++; id = null; return new(); }" },
        { "Generic", "[BillableInference(\"openai\")] public partial Task<Result<T>> AskAsync<T>(T input) where T : class, new(); private Task<Result<T>> AskAsyncCore<T>(T input) where T : class, new() { MonocleTrace.ReportUsage(default); return Task.FromResult(new Result<T>(input)); }" },
        { "BillingSubjectScope", "[BillingSubject(BillingSubjectKind.Customer)] public partial Task<string> ForCustomerAsync(string customerId); private Task<string> ForCustomerAsyncCore(string customerId) => Task.FromResult(customerId);" },
        { "BillingSubjectStream", "[BillingSubject] public partial IAsyncEnumerable<int> CountAsync(string subscriptionId); private async IAsyncEnumerable<int> CountAsyncCore(string subscriptionId) { await Task.Yield(); yield return 1; }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_matches_its_baseline_and_compiles(string name, string members)
    {
        var source = Usings + "public partial class Assistant\n{\n    " + members + "\n}\n";
        if (name == "Generic")
        {
            // A generic method inside a nested generic type.
            source = Usings + "public static partial class Outer<TOuter>\n{\n    public partial class Assistant\n    {\n        " + members + "\n    }\n}\n";
        }

        var (result, output) = GeneratorHarness.Run(source);

        Assert.Equal(string.Empty, string.Join("\n", result.Diagnostics.Concat(GeneratorHarness.Errors(output))));
        var generated = result.GeneratedSources.Where(s => s.HintName != "MonocleEventTypes.g.cs").Single().SourceText.ToString();
        Baseline.AssertMatches(name, generated);
    }

    [Fact]
    public void Event_type_constants_and_manifest_match_their_baseline()
    {
        var source = Usings + """
            public partial class Assistant
            {
                [BillableInference("openai")] public partial Reply Ask(); private Reply AskCore() => new();
                [BillableInference("azure_openai")] public partial Reply AskAzure(); private Reply AskAzureCore() => new();
                [BillableInference("openai")] public partial Reply AskAgain(); private Reply AskAgainCore() => new();
            }
            """;

        var (result, output) = GeneratorHarness.Run(source);

        Assert.Equal(string.Empty, string.Join("\n", GeneratorHarness.Errors(output)));
        Baseline.AssertMatches("MonocleEventTypes", GeneratorHarness.Generated(result, "MonocleEventTypes.g.cs"));
    }
}

internal static class Baseline
{
    public static void AssertMatches(string name, string actual)
    {
        var file = name + ".generated.txt";
        if (Environment.GetEnvironmentVariable("MONOCLE_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Baselines", file), actual);
        }

        var expectedLines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Baselines", file));
        var actualLines = actual.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "<end of baseline>";
            var line = i < actualLines.Length ? actualLines[i] : "<end of generated code>";
            Assert.True(expected == line, $"{file}, line {i + 1}:\n expected: {expected}\n   actual: {line}");
        }
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
