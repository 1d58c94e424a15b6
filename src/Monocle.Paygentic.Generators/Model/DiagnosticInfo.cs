using Microsoft.CodeAnalysis;

namespace Monocle.Paygentic.Generators.Model;

/// <summary>A diagnostic found while parsing, held as plain values until the diagnostics pipeline reports it.</summary>
internal readonly record struct DiagnosticInfo(string DescriptorId, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor.Id, LocationInfo.From(location), arguments.ToEquatableArray());
}
