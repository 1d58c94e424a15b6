using Verifier = Monocle.Paygentic.Analyzers.Tests.AnalyzerVerifier<Monocle.Paygentic.Analyzers.EventTypePrefixAnalyzer>;

namespace Monocle.Paygentic.Analyzers.Tests;

public class EventTypePrefixAnalyzerTests
{
    // Stands in for the class the generator emits; the analyzer reads whatever constants it holds.
    private const string Constants = """
        namespace MyApp
        {
            internal static class MonocleEventTypes
            {
                public const string InferenceOpenai = "ai.inference.openai";
                public const string InferenceAnthropic = "ai.inference.anthropic";
            }
        }

        """;

    [Fact]
    public Task Unprefixed_event_type_fires_where_an_event_type_is_meant() => Verifier.VerifyAsync(new[] { Constants, Sources.Usings + """
        class Meter
        {
            public string EventType { get; set; } = {|#0:"inference.openai"|};
            static void Create(string eventType) { }

            bool M(string eventType, Meter meter)
            {
                Create({|#1:"inference.anthropic"|});
                meter.EventType = {|#2:"inference.openai"|};
                var billedEventType = {|#3:"inference.openai"|};
                return eventType == {|#4:"inference.openai"|}
                    || eventType.Equals({|#5:"inference.anthropic"|})
                    || eventType switch { {|#6:"inference.openai"|} => true, _ => false };
            }
        }
        """ },
        Verifier.Diagnostic("MPG0011").WithLocation(0).WithArguments("inference.openai", "InferenceOpenai"),
        Verifier.Diagnostic("MPG0011").WithLocation(1).WithArguments("inference.anthropic", "InferenceAnthropic"),
        Verifier.Diagnostic("MPG0011").WithLocation(2).WithArguments("inference.openai", "InferenceOpenai"),
        Verifier.Diagnostic("MPG0011").WithLocation(3).WithArguments("inference.openai", "InferenceOpenai"),
        Verifier.Diagnostic("MPG0011").WithLocation(4).WithArguments("inference.openai", "InferenceOpenai"),
        Verifier.Diagnostic("MPG0011").WithLocation(5).WithArguments("inference.anthropic", "InferenceAnthropic"),
        Verifier.Diagnostic("MPG0011").WithLocation(6).WithArguments("inference.openai", "InferenceOpenai"));

    [Fact]
    public Task Entity_type_tags_prefixed_types_and_types_with_no_constant_do_not_fire() => Verifier.VerifyAsync(new[] { Constants, Sources.Usings + """
        class C
        {
            bool M(System.Diagnostics.Activity span, string eventType)
            {
                span.SetTag(MonocleAttributes.Entity1Type, "inference.openai");
                var entityType = "inference.openai";
                return eventType == "ai.inference.openai" || eventType == "inference.groq";
            }
        }
        """ });

    [Fact]
    public Task Without_generated_constants_nothing_fires() => Verifier.VerifyAsync(Sources.Usings + """
        class C
        {
            bool M(string eventType) => eventType == "inference.openai";
        }
        """);
}
