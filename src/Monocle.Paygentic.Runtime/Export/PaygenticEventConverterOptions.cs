namespace Monocle.Paygentic.Export;

/// <summary>Settings of <see cref="PaygenticEventConverter"/>.</summary>
public sealed class PaygenticEventConverterOptions
{
    /// <summary>The default <see cref="Source"/>: <c>monocle</c>, as Monocle's exporter sends.</summary>
    public const string DefaultSource = "monocle";

    /// <summary>The event <c>source</c>. <see langword="null"/> or empty means <see cref="DefaultSource"/>.</summary>
    public string? Source { get; set; }

    /// <summary>The event <c>namespace</c> (a Paygentic organisation id); <see langword="null"/> leaves it out.</summary>
    public string? Namespace { get; set; }
}
