using Monocle.Paygentic.CodeFixes;
using NoSubjectFix = Monocle.Paygentic.Analyzers.Tests.CodeFixVerifier<Monocle.Paygentic.Analyzers.NoBillingSubjectAnalyzer, Monocle.Paygentic.CodeFixes.NoBillingSubjectCodeFixProvider>;
using ProviderFix = Monocle.Paygentic.Analyzers.Tests.CodeFixVerifier<Monocle.Paygentic.Analyzers.ProviderNameAnalyzer, Monocle.Paygentic.CodeFixes.ProviderNameCodeFixProvider>;
using ScopeNameFix = Monocle.Paygentic.Analyzers.Tests.CodeFixVerifier<Monocle.Paygentic.Analyzers.ScopeNameAnalyzer, Monocle.Paygentic.CodeFixes.ScopeNameCodeFixProvider>;

namespace Monocle.Paygentic.Analyzers.Tests;

public class CodeFixTests
{
    private const string Chat = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using Monocle.Paygentic;

        """;

    [Fact]
    public Task Wrap_statement_in_scope_from_subscriptionId_parameter() => NoSubjectFix.VerifyAsync(
        Chat + """
        class C
        {
            async Task M(IChatClient chat, string subscriptionId)
            {
                await chat.{|MPG0001:GetResponseAsync|}("hi");
            }
        }
        """,
        Chat + """
        class C
        {
            async Task M(IChatClient chat, string subscriptionId)
            {
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, subscriptionId))
                {
                    await chat.GetResponseAsync("hi");
                }
            }
        }
        """,
        NoBillingSubjectCodeFixProvider.WrapKey);

    [Fact]
    public Task Wrap_declaration_with_using_var_from_customerId() => NoSubjectFix.VerifyAsync(
        Chat + """
        class C
        {
            async Task<string> M(IChatClient chat, string customerId)
            {
                var response = await chat.{|MPG0001:GetResponseAsync|}("hi");
                return response.Text;
            }
        }
        """,
        Chat + """
        class C
        {
            async Task<string> M(IChatClient chat, string customerId)
            {
                using var billingScope = MonocleTrace.Scope(MonocleScopes.CustomerId, customerId);
                var response = await chat.GetResponseAsync("hi");
                return response.Text;
            }
        }
        """,
        NoBillingSubjectCodeFixProvider.WrapKey);

    [Fact]
    public Task Wrap_expression_bodied_method() => NoSubjectFix.VerifyAsync(
        Chat + """
        class C
        {
            Task<ChatResponse> M(IChatClient chat, string subscriptionId) => chat.{|MPG0001:GetResponseAsync|}("hi");
        }
        """,
        Chat + """
        class C
        {
            Task<ChatResponse> M(IChatClient chat, string subscriptionId)
            {
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, subscriptionId))
                {
                    return chat.GetResponseAsync("hi");
                }
            }
        }
        """,
        NoBillingSubjectCodeFixProvider.WrapKey);

    [Fact]
    public Task Add_RequiresBillingSubject_with_fix_all() => NoSubjectFix.VerifyAsync(
        Chat + """
        class C
        {
            // Summarises.
            public async Task M(IChatClient chat)
            {
                await chat.{|MPG0001:GetResponseAsync|}("one");
                await chat.{|MPG0001:GetResponseAsync|}("two");
            }
        }
        """,
        Chat + """
        class C
        {
            // Summarises.
            [RequiresBillingSubject]
            public async Task M(IChatClient chat)
            {
                await chat.GetResponseAsync("one");
                await chat.GetResponseAsync("two");
            }
        }
        """,
        NoBillingSubjectCodeFixProvider.RequireKey);

    [Fact]
    public Task Fix_all_wraps_each_statement() => NoSubjectFix.VerifyAsync(
        Chat + """
        class C
        {
            async Task M(IChatClient chat, string subscriptionId)
            {
                await chat.{|MPG0001:GetResponseAsync|}("one");
                await chat.{|MPG0001:GetResponseAsync|}("two");
            }
        }
        """,
        Chat + """
        class C
        {
            async Task M(IChatClient chat, string subscriptionId)
            {
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, subscriptionId))
                {
                    await chat.GetResponseAsync("one");
                }
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, subscriptionId))
                {
                    await chat.GetResponseAsync("two");
                }
            }
        }
        """,
        NoBillingSubjectCodeFixProvider.WrapKey);

    [Fact]
    public Task Misspelt_scope_name_becomes_the_constant() => ScopeNameFix.VerifyAsync(
        Chat + """
        class C
        {
            void M(string id)
            {
                using var a = MonocleTrace.Scope({|MPG0004:"subscription_id"|}, id);
                using var b = MonocleTrace.Scope({|MPG0004:"customerID"|}, id);
            }
        }
        """,
        Chat + """
        class C
        {
            void M(string id)
            {
                using var a = MonocleTrace.Scope(MonocleScopes.SubscriptionId, id);
                using var b = MonocleTrace.Scope(MonocleScopes.CustomerId, id);
            }
        }
        """);

    [Fact]
    public Task Near_miss_provider_is_corrected() => ProviderFix.VerifyAsync(
        Chat + """
        partial class Svc
        {
            [BillableInference({|MPG0002:"open_ai"|})]
            public partial string Ask(string q);
            public partial string Ask(string q) => AskCore(q);
            private string AskCore(string q) => q;
        }
        """,
        Chat + """
        partial class Svc
        {
            [BillableInference("openai")]
            public partial string Ask(string q);
            public partial string Ask(string q) => AskCore(q);
            private string AskCore(string q) => q;
        }
        """);
}
