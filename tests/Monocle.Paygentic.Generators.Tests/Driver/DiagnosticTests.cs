using Microsoft.CodeAnalysis;

namespace Monocle.Paygentic.Generators.Tests.Driver;

/// <summary>The declaration rules the generator reports, and the code it then leaves unwritten.</summary>
public sealed class DiagnosticTests
{
    private const string Header = """
        using System.Threading.Tasks;
        using Monocle.Paygentic;

        public sealed class Custom { public string Text { get; init; } = ""; }

        """;

    public static TheoryData<string, string> Cases => new()
    {
        { "MPG0003", "public partial class C { [BillableInference(\"Open-AI\")] public partial void Log(); private void LogCore() => MonocleTrace.ReportUsage(default); }" },
        { "MPG0005", "public partial class C { [BillableInference(\"openai\")] public void Log() { } private void LogCore() { } }" },
        { "MPG0005", "public class C { [BillableInference(\"openai\")] public partial void Log(); private void LogCore() { } }" },
        { "MPG0006", "public partial class C { [BillableInference(\"openai\")] public partial void Log(); }" },
        { "MPG0006", "public partial class C { [BillableInference(\"openai\", Implementation = \"Run\")] public partial void Log(); private void LogCore() { } }" },
        { "MPG0007", "public partial class C { [BillableInference(\"openai\")] public partial Task<int> CountAsync(string q); private Task<long> CountAsyncCore(string q) => Task.FromResult(1L); }" },
        { "MPG0007", "public partial class C { [BillableInference(\"openai\")] public static partial void Log(); private void LogCore() { } }" },
        { "MPG0009", "public partial class C { [BillableInference(\"openai\")] public partial Custom Ask(); private Custom AskCore() => new(); }" },
        { "MPG0014", "public partial class C { private int _x; [BillableInference(\"openai\")] public partial ref int Get(); private ref int GetCore() => ref _x; }" },
        { "MPG0014", "public sealed class Stream : System.Collections.Generic.IAsyncEnumerable<int> { public System.Collections.Generic.IAsyncEnumerator<int> GetAsyncEnumerator(System.Threading.CancellationToken t = default) => null!; } public partial class C { [BillableInference(\"openai\")] public partial Stream Get(); private Stream GetCore() => new(); }" },
        { "MPG0015", "public partial class C { [BillingSubject] public partial string Run(string tenant); private string RunCore(string tenant) => tenant; }" },
        { "MPG0016", "public partial class C { [BillingSubject] public partial string Run(int subscriptionId); private string RunCore(int subscriptionId) => \"\"; }" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_rule_and_writes_no_wrapper_for_a_declaration_in_error(string id, string source)
    {
        var (result, _) = GeneratorHarness.Run(Header + source);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal("Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal($"https://github.com/monocle-paygentic/monocle-paygentic-dotnet/blob/main/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            Assert.DoesNotContain(result.GeneratedSources, s => s.HintName.StartsWith("C.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void No_usage_is_only_a_warning_and_the_wrapper_is_still_written()
    {
        var (result, output) = GeneratorHarness.Run(Header + "public partial class C { [BillableInference(\"openai\")] public partial Custom Ask(); private Custom AskCore() => new(); }");

        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics).Severity);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "C.Ask.g.cs");
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Reporting_usage_from_the_implementation_silences_the_no_usage_warning()
    {
        var (result, _) = GeneratorHarness.Run(Header + "public partial class C { [BillableInference(\"openai\")] public partial Custom Ask(); private Custom AskCore() { MonocleTrace.ReportUsage(new InferenceUsage { TotalTokens = 3 }); return new(); } }");

        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void An_implementation_may_return_a_more_specific_type_the_declaration_converts_to()
    {
        var (result, output) = GeneratorHarness.Run(Header + """
            public sealed class Chunks : System.Collections.Generic.IAsyncEnumerable<Custom>
            {
                public System.Collections.Generic.IAsyncEnumerator<Custom> GetAsyncEnumerator(System.Threading.CancellationToken t = default) => null!;
            }

            public partial class C
            {
                [BillableInference("openai")]
                public partial System.Collections.Generic.IAsyncEnumerable<Custom> StreamAsync();

                private Chunks StreamAsyncCore() { MonocleTrace.ReportUsage(default); return new(); }
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "C.StreamAsync.g.cs");
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Overloads_get_distinct_files()
    {
        var (result, output) = GeneratorHarness.Run(Header + """
            public partial class C
            {
                [BillableInference("openai")] public partial void Log(); private void LogCore() => MonocleTrace.ReportUsage(default);
                [BillableInference("openai")] public partial void Log(int n); private void LogCore(int n) => MonocleTrace.ReportUsage(default);
            }
            """);

        Assert.Contains(result.GeneratedSources, s => s.HintName == "C.Log.g.cs");
        Assert.Contains(result.GeneratedSources, s => s.HintName == "C.Log_1.g.cs");
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity >= DiagnosticSeverity.Warning);
    }
}
