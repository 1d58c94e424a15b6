using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Monocle.Paygentic.Diagnostics;
using Monocle.Paygentic.Generators.Model;

namespace Monocle.Paygentic.Generators;

/// <summary>
/// Writes the implementing part of every <c>[BillableInference]</c> and <c>[BillingSubject]</c> partial
/// method (tracing and billing-scope wrappers around the user's <c>…Core</c> implementation), and the
/// <c>MonocleEventTypes</c> constants and <c>MonocleBillableMetrics</c> manifest of the providers used.
/// </summary>
/// <remarks>
/// Parsing (<see cref="Parser"/>) turns each method into an equatable <see cref="MethodSpec"/> plus
/// diagnostics; emitting (<see cref="Emitter"/>) turns a spec into text. Source and diagnostics are
/// separate pipelines, so a moved declaration re-reports its diagnostics without re-emitting source.
/// The generated constants live in the project's root namespace (<c>build_property.RootNamespace</c>),
/// else in <c>Monocle.Paygentic.Generated</c>, and are <see langword="internal"/>: two assemblies that
/// see each other's internals never get two types of one name.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class BillableInferenceGenerator : IIncrementalGenerator
{
    /// <summary>The namespace of the generated constants when the project sets no root namespace.</summary>
    public const string FallbackNamespace = "Monocle.Paygentic.Generated";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var billable = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.BillableInferenceAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (ctx, ct) => Parser.ParseBillableInference(ctx, ct))
            .WithTrackingName(TrackingNames.BillableInferenceParsed);

        var subjectOnly = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.BillingSubjectAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (ctx, ct) => Parser.ParseBillingSubject(ctx, ct))
            .WithTrackingName(TrackingNames.BillingSubjectParsed);

        RegisterMethods(context, billable);
        RegisterMethods(context, subjectOnly);

        var providers = billable
            .Select(static (result, _) => result.Method?.Inference?.Provider)
            .Where(static provider => provider is not null)
            .Collect()
            .Select(static (all, _) => all.Distinct().OrderBy(p => p, System.StringComparer.Ordinal).Select(p => p!).ToEquatableArray())
            .WithTrackingName(TrackingNames.Providers);

        var generatedNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root) && IsNamespace(root)
                    ? root
                    : FallbackNamespace)
            .WithTrackingName(TrackingNames.GeneratedNamespace);

        var manifest = providers
            .Combine(generatedNamespace)
            .Select(static (pair, _) => new ManifestSpec(pair.Right, pair.Left))
            .WithTrackingName(TrackingNames.Manifest);

        context.RegisterSourceOutput(manifest, static (spc, spec) =>
        {
            if (!spec.Providers.IsEmpty)
            {
                spc.AddSource("MonocleEventTypes.g.cs", MonocleManifestEmitter.Emit(spec));
            }
        });
    }

    private static void RegisterMethods(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ParseResult> results)
    {
        var methods = results
            .Select(static (result, _) => result.Method)
            .Where(static method => method is not null)
            .WithTrackingName(TrackingNames.Methods);
        context.RegisterSourceOutput(methods, static (spc, method) => spc.AddSource(method!.HintName, Emitter.Emit(method)));

        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .Where(static diagnostics => !diagnostics.IsEmpty)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, infos) =>
        {
            foreach (var info in infos)
            {
                if (Descriptor(info.DescriptorId) is { } descriptor)
                {
                    spc.ReportDiagnostic(Diagnostic.Create(descriptor, info.Location?.ToLocation(), info.Arguments.ToArray<object>()));
                }
            }
        });
    }

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> s_descriptors = new[]
    {
        DiagnosticDescriptors.InvalidProviderName,
        DiagnosticDescriptors.MethodNotPartial,
        DiagnosticDescriptors.ImplementationMissing,
        DiagnosticDescriptors.ImplementationMismatch,
        DiagnosticDescriptors.NoUsage,
        DiagnosticDescriptors.UnsupportedShape,
        DiagnosticDescriptors.NoSubjectParameter,
        DiagnosticDescriptors.SubjectParameterNotString,
    }.ToImmutableDictionary(d => d.Id);

    private static DiagnosticDescriptor? Descriptor(string id) => s_descriptors.TryGetValue(id, out var descriptor) ? descriptor : null;

    private static bool IsNamespace(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name!.Split('.').All(part => Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None);
}
