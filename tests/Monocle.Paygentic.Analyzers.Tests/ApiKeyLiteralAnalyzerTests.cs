using Microsoft.CodeAnalysis;
using Verifier = Monocle.Paygentic.Analyzers.Tests.AnalyzerVerifier<Monocle.Paygentic.Analyzers.ApiKeyLiteralAnalyzer>;

namespace Monocle.Paygentic.Analyzers.Tests;

public class ApiKeyLiteralAnalyzerTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Key(int location, string prefix) =>
        Verifier.Diagnostic("MPG0010").WithSeverity(DiagnosticSeverity.Error).WithLocation(location).WithArguments(prefix);

    [Fact]
    public Task Live_and_test_keys_fire_in_every_kind_of_literal() => Verifier.VerifyAsync(""""
        class C
        {
            const string Live = {|#0:"sk_live_4eC39HqLyjWDarjtT1zdp7dc"|};
            string Test = {|#1:@"sk_test_51HxYzAbCdEfGhIjKl"|};
            string Raw = {|#2:"""Bearer sk_live_abcdefghijklmnop"""|};
            string Interpolated(int n) => $"{n}{|#3:key=sk_test_ABCDEFGHIJKL0123|}";
        }
        """",
        Key(0, "sk_live_"),
        Key(1, "sk_test_"),
        Key(2, "sk_live_"),
        Key(3, "sk_test_"));

    [Fact]
    public Task Bare_prefix_placeholder_and_short_bodies_do_not_fire() => Verifier.VerifyAsync("""
        class C
        {
            bool IsLive(string key) => key.StartsWith("sk_live_") || key.StartsWith("sk_test_");
            string Docs = "export PAYGENTIC_API_KEY=sk_live_YOUR_API_KEY";
            string Short = "sk_test_abc";
            string Concatenated(string body) => "sk_live_" + body;
            // sk_live_4eC39HqLyjWDarjtT1zdp7dc in a comment is not a literal the program carries
        }
        """);
}
