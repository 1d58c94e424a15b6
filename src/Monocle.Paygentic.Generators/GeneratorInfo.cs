namespace Monocle.Paygentic.Generators;

/// <summary>What the generated code's <c>[GeneratedCode]</c> attributes name.</summary>
internal static class GeneratorInfo
{
    public const string Name = "Monocle.Paygentic.Generators";
    public const string Version = "0.1.0";
}
