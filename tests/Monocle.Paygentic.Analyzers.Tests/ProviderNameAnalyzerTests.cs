using Verifier = Monocle.Paygentic.Analyzers.Tests.AnalyzerVerifier<Monocle.Paygentic.Analyzers.ProviderNameAnalyzer>;

namespace Monocle.Paygentic.Analyzers.Tests;

public class ProviderNameAnalyzerTests
{
    private static string Declare(string provider) => Sources.Usings + $$"""
        partial class Svc
        {
            [BillableInference({{provider}})]
            public partial string Ask(string q);
            public partial string Ask(string q) => AskCore(q);
            private string AskCore(string q) => q;
        }
        """;

    [Theory]
    [InlineData("open_ai", "openai")]
    [InlineData("anthropics", "anthropic")]
    [InlineData("OpenAI", "openai")]
    [InlineData("azure-openai", "azure_openai")]
    [InlineData("mistal", "mistral")]
    [InlineData("vertex", "vertexai")]
    [InlineData("aws_bedrok", "aws_bedrock")]
    public Task Near_miss_fires_with_the_meant_provider(string given, string meant) => Verifier.VerifyAsync(
        Declare("{|#0:\"" + given + "\"|}"),
        Verifier.Diagnostic("MPG0002").WithLocation(0).WithArguments(given, meant));

    [Theory]
    [InlineData("openai")]
    [InlineData("azure_ai_inference")]
    [InlineData("groq")]
    [InlineData("xai")]
    [InlineData("cohere")]
    [InlineData("together_ai")]
    public Task Known_or_clearly_other_provider_does_not_fire(string given) => Verifier.VerifyAsync(Declare("\"" + given + "\""));

    [Fact]
    public Task Constant_argument_is_checked_too() => Verifier.VerifyAsync(
        Declare("{|#0:Names.Provider|}") + "\nstatic class Names { public const string Provider = \"anthropc\"; }",
        Verifier.Diagnostic("MPG0002").WithLocation(0).WithArguments("anthropc", "anthropic"));
}
