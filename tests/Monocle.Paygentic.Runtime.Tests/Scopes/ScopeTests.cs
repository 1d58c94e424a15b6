using System.Runtime.CompilerServices;
using Monocle.Paygentic.Instrumentation;
using Monocle.Paygentic.Tests.Support;

namespace Monocle.Paygentic.Tests.Scopes;

public sealed class ScopeTests
{
    private const string Sub = MonocleScopes.SubscriptionId;
    private const string Cus = MonocleScopes.CustomerId;

    [Fact]
    public void Nested_scopes_restore_what_was_there_before()
    {
        Assert.Null(MonocleTrace.GetScopeValue(Sub));
        using (MonocleTrace.Scope(Sub, "sub_outer"))
        {
            using (MonocleTrace.Scope(Sub, "sub_inner"))
            {
                Assert.Equal("sub_inner", MonocleTrace.GetScopeValue(Sub));
            }

            Assert.Equal("sub_outer", MonocleTrace.GetScopeValue(Sub));
        }

        Assert.Null(MonocleTrace.GetScopeValue(Sub));
    }

    [Fact]
    public void Spans_carry_every_scope_in_effect_with_the_innermost_value()
    {
        using var capture = new SpanCapture();
        using (MonocleTrace.Scope(Cus, "cus_1"))
        using (MonocleTrace.Scope(Sub, "sub_outer"))
        using (MonocleTrace.Scope(Sub, "sub_inner"))
        using (MonocleTrace.Scope("tenant", "acme"))
        {
            InferenceSpan.Start("openai", "call").End();
        }

        var span = capture.Single("call");
        Assert.Equal("sub_inner", span.Tag("scope.subscriptionId"));
        Assert.Equal("cus_1", span.Tag("scope.customerId"));
        Assert.Equal("acme", span.Tag("scope.tenant"));
    }

    [Fact]
    public void Disposing_twice_is_harmless_and_restores_once()
    {
        using var outer = MonocleTrace.Scope(Sub, "sub_outer");
        var inner = MonocleTrace.Scope(Sub, "sub_inner");
        inner.Dispose();
        inner.Dispose();
        Assert.Equal("sub_outer", MonocleTrace.GetScopeValue(Sub));
    }

    [Fact]
    public void Disposing_out_of_order_throws_and_never_leaves_a_stale_subject()
    {
        var outer = MonocleTrace.Scope(Sub, "sub_outer");
        var inner = MonocleTrace.Scope(Cus, "cus_inner");

        var error = Assert.Throws<InvalidOperationException>(outer.Dispose);
        Assert.Contains("'subscriptionId'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'customerId'", error.Message, StringComparison.Ordinal);

        // Back to what was there before the outer scope opened: neither value survives.
        Assert.Null(MonocleTrace.GetScopeValue(Sub));
        Assert.Null(MonocleTrace.GetScopeValue(Cus));

        // The inner scope was closed with it; its own disposal no longer changes anything.
        using (MonocleTrace.Scope(Sub, "sub_later"))
        {
            inner.Dispose();
            Assert.Equal("sub_later", MonocleTrace.GetScopeValue(Sub));
        }
    }

    [Fact]
    public async Task Disposing_on_a_flow_where_the_scope_is_not_open_throws()
    {
        var scope = await OpenInsideAsyncMethod();
        Assert.Null(MonocleTrace.GetScopeValue(Sub));   // an async method's scope ends with it

        Assert.Throws<InvalidOperationException>(scope.Dispose);
        scope.Dispose();   // and only once
    }

    [Fact]
    public async Task A_scope_flows_through_await()
    {
        using (MonocleTrace.Scope(Sub, "sub_await"))
        {
            await Task.Yield();
            await Task.Delay(1);
            Assert.Equal("sub_await", MonocleTrace.GetScopeValue(Sub));
        }
    }

    [Fact]
    public async Task A_scope_flows_into_Task_Run()
    {
        using (MonocleTrace.Scope(Sub, "sub_task"))
        {
            var seen = await Task.Run(() => MonocleTrace.GetScopeValue(Sub));
            Assert.Equal("sub_task", seen);
        }
    }

    [Fact]
    public async Task Parallel_sibling_flows_never_see_each_others_scopes()
    {
        using var capture = new SpanCapture();
        using var bothOpen = new Barrier(2);

        async Task<string?> Sibling(string subscription)
        {
            await Task.Yield();
            using (MonocleTrace.Scope(Sub, subscription))
            {
                bothOpen.SignalAndWait(TimeSpan.FromSeconds(10));   // both scopes are open at the same time
                InferenceSpan.Start("openai", "call-" + subscription).End();
                await Task.Yield();
                return MonocleTrace.GetScopeValue(Sub);
            }
        }

        var results = await Task.WhenAll(Task.Run(() => Sibling("sub_a")), Task.Run(() => Sibling("sub_b")));

        Assert.Equal(new[] { "sub_a", "sub_b" }, results);
        Assert.Equal("sub_a", capture.Single("call-sub_a").Tag("scope.subscriptionId"));
        Assert.Equal("sub_b", capture.Single("call-sub_b").Tag("scope.subscriptionId"));
        Assert.Null(MonocleTrace.GetScopeValue(Sub));
    }

    [Fact]
    public async Task An_async_iterator_sees_the_callers_scope_across_every_yield()
    {
        using var capture = new SpanCapture();
        var inLoopBody = new List<string?>();
        using (MonocleTrace.Scope(Sub, "sub_stream"))
        {
            await foreach (var chunk in Chunks(3))
            {
                inLoopBody.Add(MonocleTrace.GetScopeValue(Sub));
            }
        }

        Assert.Equal(new[] { "sub_stream", "sub_stream", "sub_stream" }, inLoopBody);
        Assert.Equal(3, capture.Spans.Count);
        Assert.All(capture.Spans, s => Assert.Equal("sub_stream", s.Tag("scope.subscriptionId")));
    }

    [Fact]
    public void A_null_or_empty_value_hides_the_outer_scope_of_that_name()
    {
        using (MonocleTrace.Scope(Sub, "sub_outer"))
        {
            using (MonocleTrace.Scope(Sub, null))
            {
                Assert.Null(MonocleTrace.GetScopeValue(Sub));
            }

            using (MonocleTrace.Scope(Sub, ""))
            {
                Assert.Null(MonocleTrace.GetScopeValue(Sub));
            }

            using (MonocleTrace.BillingSubject("   "))
            {
                Assert.Null(MonocleTrace.GetScopeValue(Sub));
            }

            Assert.Equal("sub_outer", MonocleTrace.GetScopeValue(Sub));
        }
    }

    [Fact]
    public void A_billing_subject_hides_both_outer_subjects()
    {
        using var capture = new SpanCapture();
        using (MonocleTrace.Scope(Sub, "sub_outer"))
        using (MonocleTrace.Scope(Cus, "cus_outer"))
        {
            using (MonocleTrace.BillingSubject("cus_inner", BillingSubjectKind.Customer))
            {
                Assert.Null(MonocleTrace.GetScopeValue(Sub));
                InferenceSpan.Start("openai", "customer-call").End();
            }

            using (MonocleTrace.BillingSubject(null))
            {
                InferenceSpan.Start("openai", "nobody-call").End();
            }

            Assert.Equal("sub_outer", MonocleTrace.GetScopeValue(Sub));
        }

        var customerCall = capture.Single("customer-call");
        Assert.Equal("cus_inner", customerCall.Tag("scope.customerId"));
        Assert.Null(customerCall.Tag("scope.subscriptionId"));

        var nobodyCall = capture.Single("nobody-call");
        Assert.Null(nobodyCall.Tag("scope.customerId"));
        Assert.Null(nobodyCall.Tag("scope.subscriptionId"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("comma,separated")]
    [InlineData("equals=sign")]
    public void Invalid_scope_names_are_rejected_with_a_clear_error(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => MonocleTrace.Scope(name, "v"));
        Assert.Contains("MonocleScopes.SubscriptionId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_scope_name_is_rejected() =>
        Assert.Throws<ArgumentNullException>(() => MonocleTrace.Scope(null!, "v"));

    private static async Task<MonocleScope> OpenInsideAsyncMethod()
    {
        await Task.Yield();
        return MonocleTrace.Scope(Sub, "sub_lost");
    }

    private static async IAsyncEnumerable<int> Chunks(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            InferenceSpan.Start("openai", "chunk-" + i).End();
            yield return i;
        }
    }
}
