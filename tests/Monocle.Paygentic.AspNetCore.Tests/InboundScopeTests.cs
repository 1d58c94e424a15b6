using System.Net;
using System.Net.Http.Json;
using System.Diagnostics;
using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Propagation;

namespace Monocle.Paygentic.AspNetCore.Tests;

/// <summary>Inbound, scopes come only from the sources the application trusts.</summary>
[Collection(GlobalPropagatorCollection.Name)]
public sealed class InboundScopeTests
{
    private static async Task<SeenScopes> GetScopes(Uri address, Action<HttpRequestMessage>? prepare = null)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "scopes"));
        prepare?.Invoke(request);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SeenScopes>())!;
    }

    [Fact]
    public async Task Baggage_from_an_untrusted_caller_is_ignored_by_default()
    {
        await using var server = await LoopbackServer.StartAsync();
        var seen = await GetScopes(server.Address, r => r.Headers.Add("baggage", "monocle.scope.subscriptionId=sub_forged"));
        Assert.Equal(new SeenScopes(null, null), seen);
    }

    [Fact]
    public async Task Baggage_from_a_trusted_caller_becomes_scopes()
    {
        await using var server = await LoopbackServer.StartAsync(o => o.TrustBaggage = c => IPAddress.IsLoopback(c.Connection.RemoteIpAddress!));
        var seen = await GetScopes(server.Address, r => r.Headers.Add("baggage", "other=1, monocle.scope.subscriptionId=sub%20trusted;prop=x,monocle.scope.customerId=cus_1"));
        Assert.Equal(new SeenScopes("sub trusted", "cus_1"), seen);
    }

    [Fact]
    public async Task Malformed_baggage_from_a_trusted_caller_is_skipped_not_fatal()
    {
        await using var server = await LoopbackServer.StartAsync(o => o.TrustBaggage = _ => true);
        var seen = await GetScopes(server.Address, r => r.Headers.TryAddWithoutValidation("baggage", "monocle.scope.=x,monocle.scope.bad name=1,=,monocle.scope.customerId=,monocle.scope.subscriptionId=sub_ok"));
        Assert.Equal(new SeenScopes("sub_ok", null), seen);
    }

    [Fact]
    public async Task A_configured_header_sets_a_scope()
    {
        await using var server = await LoopbackServer.StartAsync(o => o.Headers["X-Subscription-Id"] = MonocleScopes.SubscriptionId);
        var seen = await GetScopes(server.Address, r => r.Headers.Add("X-Subscription-Id", "sub_gateway"));
        Assert.Equal(new SeenScopes("sub_gateway", null), seen);
    }

    [Fact]
    public async Task A_claim_of_the_authenticated_user_wins_over_baggage()
    {
        await using var server = await LoopbackServer.StartAsync(
            o =>
            {
                o.TrustBaggage = _ => true;
                o.Claims["subscription_id"] = MonocleScopes.SubscriptionId;
            },
            userSubscriptionClaim: "sub_from_claim");
        var seen = await GetScopes(server.Address, r => r.Headers.Add("baggage", "monocle.scope.subscriptionId=sub_from_baggage"));
        Assert.Equal(new SeenScopes("sub_from_claim", null), seen);
    }

    [Fact]
    public async Task A_scope_crosses_a_real_http_hop_between_two_services()
    {
        await using var downstream = await LoopbackServer.StartAsync(o => o.TrustBaggage = c => IPAddress.IsLoopback(c.Connection.RemoteIpAddress!));
        using var propagation = MonocleScopePropagation.Enable(o => o.AllowedHosts.Add("127.0.0.1"));
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MonocleTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        SeenScopes seen;
        using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_upstream"))
        {
            var span = InferenceSpan.Start("openai", "call");
            seen = await GetScopes(downstream.Address);
            span.End();
        }

        Assert.Equal(new SeenScopes("sub_upstream", null), seen);
    }
}
