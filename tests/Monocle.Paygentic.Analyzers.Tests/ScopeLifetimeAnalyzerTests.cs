using Verifier = Monocle.Paygentic.Analyzers.Tests.AnalyzerVerifier<Monocle.Paygentic.Analyzers.ScopeLifetimeAnalyzer>;

namespace Monocle.Paygentic.Analyzers.Tests;

public class ScopeLifetimeAnalyzerTests
{
    [Fact]
    public Task Scope_never_disposed_fires() => Verifier.VerifyAsync(Sources.Usings + """
        class C
        {
            void Discarded(string id)
            {
                {|MPG0012:MonocleTrace.Scope(MonocleScopes.SubscriptionId, id)|};
                _ = {|MPG0012:MonocleTrace.BillingSubject(id)|};
            }

            string OnlyRead(string id)
            {
                var scope = {|MPG0012:MonocleTrace.Scope("tenantId", id)|};
                return scope.Name;
            }
        }
        """);

    [Fact]
    public Task Disposed_returned_or_handed_on_does_not_fire() => Verifier.VerifyAsync(Sources.Usings + """
        class C
        {
            IDisposable? _held;

            void Using(string id)
            {
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, id)) { }
                using var a = MonocleTrace.Scope(MonocleScopes.CustomerId, id);
                using (var b = MonocleTrace.BillingSubject(id)) { }
            }

            void Explicit(string id)
            {
                var scope = MonocleTrace.Scope(MonocleScopes.SubscriptionId, id);
                try { } finally { scope.Dispose(); }
            }

            MonocleScope Returned(string id) => MonocleTrace.Scope(MonocleScopes.SubscriptionId, id);

            void Stored(string id) => _held = MonocleTrace.Scope(MonocleScopes.SubscriptionId, id);
        }
        """);

    [Fact]
    public Task Scope_held_across_yield_fires() => Verifier.VerifyAsync(Sources.Usings + """
        class C
        {
            IEnumerable<string> Declaration(string id)
            {
                using var scope = {|MPG0013:MonocleTrace.Scope(MonocleScopes.SubscriptionId, id)|};
                yield return "a";
            }

            async IAsyncEnumerable<string> Statement(string id)
            {
                await Task.Yield();
                using (var s = {|MPG0013:MonocleTrace.BillingSubject(id)|})
                {
                    foreach (var x in new[] { "a" })
                    {
                        yield return x;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Scope_closed_before_yield_does_not_fire() => Verifier.VerifyAsync(Sources.Usings + """
        class C
        {
            IEnumerable<string> Closed(string id)
            {
                string value;
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, id))
                {
                    value = "computed in scope";
                }
                yield return value;
            }

            IEnumerable<Func<string>> LambdaInIterator(string id)
            {
                yield return () =>
                {
                    using var s = MonocleTrace.Scope(MonocleScopes.SubscriptionId, id);
                    return "no yield inside";
                };
            }
        }
        """);
}
