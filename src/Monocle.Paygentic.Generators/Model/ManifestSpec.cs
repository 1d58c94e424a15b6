namespace Monocle.Paygentic.Generators.Model;

/// <summary>The event types the compilation can emit (one per provider used, sorted) and the namespace of the generated constants.</summary>
internal sealed record ManifestSpec(string Namespace, EquatableArray<string> Providers);
