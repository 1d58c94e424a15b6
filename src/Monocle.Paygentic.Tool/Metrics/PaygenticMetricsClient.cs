using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monocle.Paygentic.Tool.Metrics;

/// <summary>
/// The two billable-metric calls of the Paygentic API the <c>metrics</c> command makes:
/// <c>GET /v0/billableMetrics?merchantId=…</c> (every page) and <c>POST /v0/billableMetrics</c>.
/// </summary>
internal sealed class PaygenticMetricsClient : IDisposable
{
    /// <summary>The largest page the API serves.</summary>
    public const int MaxPageSize = 100;

    private const int MaxBodyInMessage = 2000;

    private readonly HttpClient _http;
    private readonly string _keyKind;

    /// <param name="baseAddress">The API's base address, ending in <c>/</c>.</param>
    /// <param name="apiKey">The bearer key; never written anywhere.</param>
    public PaygenticMetricsClient(Uri baseAddress, string apiKey)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _keyKind = apiKey.StartsWith("sk_test_", StringComparison.Ordinal) ? "a sandbox key (sk_test_)"
            : apiKey.StartsWith("sk_live_", StringComparison.Ordinal) ? "a live key (sk_live_)"
            : "neither sk_test_ nor sk_live_";
    }

    /// <summary>Every billable metric of <paramref name="merchantId"/>, page by page.</summary>
    /// <exception cref="PaygenticApiException">The API refused or answered something unreadable.</exception>
    /// <exception cref="HttpRequestException">The API could not be reached.</exception>
    public async Task<IReadOnlyList<RemoteMetric>> ListAsync(string merchantId, int pageSize, CancellationToken cancellationToken)
    {
        var metrics = new List<RemoteMetric>();
        for (var offset = 0; ; )
        {
            var uri = string.Create(CultureInfo.InvariantCulture, $"v0/billableMetrics?merchantId={Uri.EscapeDataString(merchantId)}&limit={pageSize}&offset={offset}");
            using var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Refused("listing the billable metrics of " + merchantId, response.StatusCode, body);
            }

            int count, total;
            try
            {
                using var document = JsonDocument.Parse(body);
                var data = document.RootElement.GetProperty("data");
                foreach (var item in data.EnumerateArray())
                {
                    metrics.Add(ReadMetric(item));
                }

                count = data.GetArrayLength();
                total = document.RootElement.GetProperty("pagination").GetProperty("total").GetInt32();
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new PaygenticApiException($"GET {_http.BaseAddress}{uri} answered something that is not a billable-metric list ({ex.Message}); is --base-url the Paygentic API?", ex);
            }

            offset += count;
            if (count == 0 || offset >= total)
            {
                return metrics;
            }
        }
    }

    /// <summary>Creates <paramref name="metric"/> for the merchant and product.</summary>
    /// <returns>The created metric as the API answered it.</returns>
    /// <exception cref="PaygenticApiException">The API refused (the message says what to fix) or answered something unreadable.</exception>
    /// <exception cref="HttpRequestException">The API could not be reached.</exception>
    public async Task<RemoteMetric> CreateAsync(ManifestMetric metric, string merchantId, string productId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["name"] = metric.Name,
            ["description"] = metric.Description,
            ["unit"] = metric.Unit,
            ["merchantId"] = merchantId,
            ["productId"] = productId,
            ["aggregation"] = metric.Aggregation,
            ["eventType"] = metric.EventType,
        };
        if (metric.ValueProperty is not null)
        {
            body["valueProperty"] = metric.ValueProperty;
        }

        var groupBy = new JsonObject();
        foreach (var (dimension, path) in metric.GroupBy)
        {
            groupBy[dimension] = path;
        }

        body["groupBy"] = groupBy;

        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("v0/billableMetrics", content, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Refused($"creating the metric '{metric.Name}' ({metric.EventType})", response.StatusCode, answer);
        }

        try
        {
            using var document = JsonDocument.Parse(answer);
            return ReadMetric(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PaygenticApiException($"POST {_http.BaseAddress}v0/billableMetrics answered {(int)response.StatusCode} with something that is not a billable metric ({ex.Message}).", ex);
        }
    }

    public void Dispose() => _http.Dispose();

    private static RemoteMetric ReadMetric(JsonElement item)
    {
        var groupBy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty("groupBy", out var groups) && groups.ValueKind == JsonValueKind.Object)
        {
            foreach (var group in groups.EnumerateObject())
            {
                if (group.Value.ValueKind == JsonValueKind.String)
                {
                    groupBy[group.Name] = group.Value.GetString()!;
                }
            }
        }

        return new RemoteMetric(
            item.GetProperty("id").GetString() ?? throw new InvalidOperationException("a metric has a null id"),
            Optional(item, "name") ?? string.Empty,
            Optional(item, "eventType"),
            Optional(item, "valueProperty"),
            groupBy,
            Optional(item, "aggregation"),
            Optional(item, "productId"));
    }

    private static string? Optional(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private PaygenticApiException Refused(string what, HttpStatusCode status, string body)
    {
        var shown = body.Length > MaxBodyInMessage ? body[..MaxBodyInMessage] + "…" : body;
        var fix = status switch
        {
            HttpStatusCode.Unauthorized =>
                $"the API key was refused. Set PAYGENTIC_API_KEY to a valid key of this account (it is {_keyKind}; the sandbox, {PaygenticExporterOptions.SandboxBaseAddress}, takes sk_test_ keys, the live API sk_live_ keys).",
            HttpStatusCode.Forbidden =>
                $"the key may not do this. ENVIRONMENT_MISMATCH means the key is of the other environment (it is {_keyKind}): set PAYGENTIC_SANDBOX=true for sk_test_ keys, or use --base-url; otherwise check that the key belongs to the merchant given by --merchant-id.",
            HttpStatusCode.BadRequest =>
                "the request was invalid: see the fields above. Merchant ids look like org_…, product ids like prod_…; valueProperty and groupBy paths like $.total_tokens.",
            HttpStatusCode.NotFound =>
                "the API has no such route here: check --base-url (or PAYGENTIC_EVENT_ENDPOINT), e.g. https://api.paygentic.io.",
            _ => "try again later; if it persists, the answer above says why.",
        };
        return new PaygenticApiException(
            $"Paygentic answered {(int)status} {ReasonOf(status)} when {what} at {_http.BaseAddress}: {(shown.Length > 0 ? shown : "(no body)")}\n  To fix: {fix}",
            status,
            shown);
    }

    private static string ReasonOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.BadRequest => "Bad Request",
        HttpStatusCode.NotFound => "Not Found",
        _ => status.ToString(),
    };
}
