using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Monocle.Paygentic.Propagation;

namespace Monocle.Paygentic.AspNetCore;

/// <summary>
/// Opens trace scopes for the duration of a request from the sources <see cref="InboundScopeOptions"/>
/// trusts. Precedence, lowest first: trusted baggage, configured headers, claims of the authenticated user.
/// </summary>
internal sealed class InboundScopeMiddleware(RequestDelegate next, IOptions<InboundScopeOptions> options)
{
    private readonly InboundScopeOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        var scopes = new Stack<MonocleScope>();
        try
        {
            if (_options.TrustBaggage?.Invoke(context) == true)
            {
                foreach (var (name, value) in MonocleScopeBaggage.ReadScopes(context.Request.Headers[MonocleScopeBaggage.HeaderName].ToString()))
                {
                    TryOpen(scopes, name, value);
                }
            }

            foreach (var (header, scope) in _options.Headers)
            {
                if (context.Request.Headers.TryGetValue(header, out var value) && value.Count > 0)
                {
                    TryOpen(scopes, scope, value.ToString());
                }
            }

            foreach (var (claimType, scope) in _options.Claims)
            {
                if (context.User.FindFirst(claimType)?.Value is { Length: > 0 } value)
                {
                    TryOpen(scopes, scope, value);
                }
            }

            await next(context).ConfigureAwait(false);
        }
        finally
        {
            while (scopes.Count > 0)
            {
                scopes.Pop().Dispose();
            }
        }
    }

    // A malformed scope name from a caller is ignored, never a failed request.
    private static void TryOpen(Stack<MonocleScope> scopes, string name, string value)
    {
        try
        {
            scopes.Push(MonocleTrace.Scope(name, value));
        }
        catch (ArgumentException)
        {
        }
    }
}
