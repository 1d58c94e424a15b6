namespace Monocle.Paygentic.Generators.Model;

/// <summary>Names of the pipeline steps, so the incremental tests can check each one is cached.</summary>
internal static class TrackingNames
{
    public const string BillableInferenceParsed = nameof(BillableInferenceParsed);
    public const string BillingSubjectParsed = nameof(BillingSubjectParsed);
    public const string Methods = nameof(Methods);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Providers = nameof(Providers);
    public const string GeneratedNamespace = nameof(GeneratedNamespace);
    public const string Manifest = nameof(Manifest);
}
