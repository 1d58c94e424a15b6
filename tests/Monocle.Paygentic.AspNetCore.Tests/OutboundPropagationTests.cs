using System.Diagnostics;
using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Propagation;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Monocle.Paygentic.AspNetCore.Tests;

/// <summary>Scopes leave the process as W3C baggage, on each .NET propagation path, to allowed hosts only.</summary>
[Collection(GlobalPropagatorCollection.Name)]
public sealed class OutboundPropagationTests
{
    [Fact]
    public async Task OpenTelemetry_http_instrumentation_carries_scopes_to_an_allowed_host_only()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddHttpClientInstrumentation().Build();
        using var propagation = MonocleScopePropagation.Enable(o => o.AllowedHosts.Add("127.0.0.1"));
        // Silence the runtime's own path, so only OpenTelemetry's propagator can have written the header.
        var runtime = DistributedContextPropagator.Current;
        DistributedContextPropagator.Current = DistributedContextPropagator.CreateNoOutputPropagator();
        try
        {
            using var http = new HttpClient();
            using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_otel 1"))
            {
                var allowed = await http.GetStringAsync(new Uri(server.Address, "baggage"));
                var disallowed = await http.GetStringAsync(new Uri(server.LocalhostAddress, "baggage"));

                Assert.Contains("monocle.scope.subscriptionId=sub_otel%201", allowed, StringComparison.Ordinal);
                Assert.DoesNotContain("monocle.scope", disallowed, StringComparison.Ordinal);
            }
        }
        finally
        {
            DistributedContextPropagator.Current = runtime;
        }
    }

    [Fact]
    public async Task The_runtime_propagator_carries_scopes_to_an_allowed_host_only()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var propagation = MonocleScopePropagation.Enable(o => o.AllowedHosts.Add("127.0.0.1"));
        using var listener = ListenToMonocle();
        using var http = new HttpClient();

        using (MonocleTrace.Scope(MonocleScopes.CustomerId, "cus_runtime"))
        {
            // HttpClient propagates the current activity's context (here, an inference span).
            var span = InferenceSpan.Start("openai", "call");
            var allowed = await http.GetStringAsync(new Uri(server.Address, "baggage"));
            var disallowed = await http.GetStringAsync(new Uri(server.LocalhostAddress, "baggage"));
            span.End();

            Assert.Contains("monocle.scope.customerId=cus_runtime", allowed, StringComparison.Ordinal);
            Assert.DoesNotContain("monocle.scope", disallowed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Scope_entries_set_elsewhere_are_stripped_for_a_disallowed_host()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var propagation = MonocleScopePropagation.Enable(o => o.AllowedHosts.Add("*.internal.example"));
        using var listener = ListenToMonocle();
        using var http = new HttpClient();

        var span = InferenceSpan.Start("openai", "call");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "baggage"));
        request.Headers.Add("baggage", "monocle.scope.subscriptionId=sub_leak,region=eu");
        var received = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
        span.End();

        Assert.DoesNotContain("monocle.scope", received, StringComparison.Ordinal);
        Assert.Contains("region=eu", received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_the_installation_restores_the_previous_propagators()
    {
        var before = DistributedContextPropagator.Current;
        var enabled = MonocleScopePropagation.Enable(o => o.AllowedHosts.Add("127.0.0.1"));
        Assert.NotSame(before, DistributedContextPropagator.Current);
        enabled.Dispose();
        enabled.Dispose();
        Assert.Same(before, DistributedContextPropagator.Current);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("billing.internal", "billing.internal", true)]
    [InlineData("BILLING.internal", "billing.internal", true)]
    [InlineData("api.openai.com", "billing.internal", false)]
    [InlineData("a.svc.cluster.local", "*.svc.cluster.local", true)]
    [InlineData("svc.cluster.local", "*.svc.cluster.local", false)]
    [InlineData("evilsvc.cluster.local", "*.svc.cluster.local", false)]
    public void Host_patterns(string host, string pattern, bool allowed)
    {
        var options = new ScopePropagationOptions();
        options.AllowedHosts.Add(pattern);
        Assert.Equal(allowed, options.IsAllowed(host));
    }

    private static ActivityListener ListenToMonocle()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MonocleTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
