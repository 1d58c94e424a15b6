namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>What <c>monocle-paygentic metrics</c> was asked to do.</summary>
/// <param name="ManifestPath">The assembly or manifest JSON file.</param>
/// <param name="MerchantId">The merchant whose metrics are compared (<c>org_…</c>).</param>
/// <param name="ProductId">The product new metrics belong to (<c>prod_…</c>); needed with <paramref name="Create"/>.</param>
/// <param name="Create">Create the missing metrics.</param>
/// <param name="BaseUrl"><c>--base-url</c>, if given.</param>
/// <param name="PageSize">Metrics asked for per list request (the API serves at most 100).</param>
internal sealed record MetricsSettings(
    string ManifestPath,
    string MerchantId,
    string? ProductId,
    bool Create,
    Uri? BaseUrl,
    int PageSize = PaygenticMetricsClient.MaxPageSize);
