using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Monocle.Paygentic.AspNetCore;

/// <summary>Registers inbound trace scopes in an ASP.NET Core application.</summary>
public static class MonocleAspNetCoreExtensions
{
    /// <summary>Configures where inbound trace scopes come from.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Names the trusted sources; by default none is trusted.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddMonocleInboundScopes(this IServiceCollection services, Action<InboundScopeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<InboundScopeOptions>().Configure(configure);
        return services;
    }

    /// <summary>
    /// Opens the trace scopes of each request (see <see cref="InboundScopeOptions"/>) around the rest of
    /// the pipeline. Add it after <c>UseAuthentication</c> when claims set scopes.
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <returns>The application builder.</returns>
    public static IApplicationBuilder UseMonocleInboundScopes(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<InboundScopeMiddleware>();
    }
}
