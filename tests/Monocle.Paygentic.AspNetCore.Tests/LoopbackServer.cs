using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monocle.Paygentic.AspNetCore;

namespace Monocle.Paygentic.AspNetCore.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that answers with what it received: the raw baggage header,
/// and the billing scopes its request handler sees.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri Address { get; }

    /// <summary>The same server under the name "localhost": a different host for propagation rules.</summary>
    public Uri LocalhostAddress => new UriBuilder(Address) { Host = "localhost" }.Uri;

    public static async Task<LoopbackServer> StartAsync(Action<InboundScopeOptions>? inbound = null, string? userSubscriptionClaim = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddMonocleInboundScopes(inbound ?? (_ => { }));
        var app = builder.Build();

        if (userSubscriptionClaim is not null)
        {
            // Stands for authentication: the user is known before the scopes are opened.
            app.Use((context, next) =>
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("subscription_id", userSubscriptionClaim)], "test"));
                return next(context);
            });
        }

        app.UseMonocleInboundScopes();
        app.MapGet("/baggage", (HttpRequest request) => request.Headers["baggage"].ToString());
        app.MapGet("/scopes", () => new SeenScopes(
            MonocleTrace.GetScopeValue(MonocleScopes.SubscriptionId),
            MonocleTrace.GetScopeValue(MonocleScopes.CustomerId)));
        await app.StartAsync();

        var address = new Uri(app.Urls.Single().Replace("http://127.0.0.1", "http://127.0.0.1", StringComparison.Ordinal) + "/");
        return new LoopbackServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record SeenScopes(string? SubscriptionId, string? CustomerId);
