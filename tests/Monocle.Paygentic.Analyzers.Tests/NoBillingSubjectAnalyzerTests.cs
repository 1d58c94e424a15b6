using Verifier = Monocle.Paygentic.Analyzers.Tests.AnalyzerVerifier<Monocle.Paygentic.Analyzers.NoBillingSubjectAnalyzer>;

namespace Monocle.Paygentic.Analyzers.Tests;

public class NoBillingSubjectAnalyzerTests
{
    private static Task VerifyAsync(string body) => Verifier.VerifyAsync(new[] { Sources.Assistant, Sources.Usings + body });

    [Fact]
    public Task Fires_on_BillableInference_call_without_scope() => VerifyAsync("""
        class C
        {
            string M(Assistant a) => a.{|MPG0001:Ask|}("hi");
        }
        """);

    [Fact]
    public Task Message_names_the_callee() => Verifier.VerifyAsync(
        new[] { Sources.Assistant, Sources.Usings + "class C { string M(Assistant a) => a.{|#0:Ask|}(\"hi\"); }" },
        Verifier.Diagnostic("MPG0001").WithLocation(0).WithArguments("Assistant.Ask"));

    [Fact]
    public Task Covered_by_using_statement_with_constant() => VerifyAsync("""
        class C
        {
            string M(Assistant a, string sub)
            {
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub))
                {
                    return a.Ask("hi");
                }
            }
        }
        """);

    [Fact]
    public Task Covered_by_using_declaration_with_literal_customer_scope() => VerifyAsync("""
        class C
        {
            string M(Assistant a, string customer)
            {
                using var scope = MonocleTrace.Scope("customerId", customer);
                return a.Ask("hi");
            }
        }
        """);

    [Fact]
    public Task Covered_by_BillingSubject_scope_and_nested_blocks() => VerifyAsync("""
        class C
        {
            void M(Assistant a, string sub, bool b)
            {
                using var scope = MonocleTrace.BillingSubject(sub);
                if (b)
                {
                    foreach (var q in new[] { "x" }) { a.Ask(q); }
                }
            }
        }
        """);

    [Fact]
    public Task Not_covered_by_a_subject_scope_whose_value_is_a_blank_constant() => VerifyAsync("""
        class C
        {
            void M(Assistant a)
            {
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, null)) { a.{|MPG0001:Ask|}("hi"); }
                using (MonocleTrace.Scope("customerId", "")) { a.{|MPG0001:Ask|}("hi"); }
                using (MonocleTrace.BillingSubject("  ")) { a.{|MPG0001:Ask|}("hi"); }
                using (MonocleTrace.BillingSubject("sub_fixed")) { a.Ask("hi"); }
            }
        }
        """);

    [Fact]
    public Task Not_covered_by_a_scope_of_another_name() => VerifyAsync("""
        class C
        {
            string M(Assistant a, string tenant)
            {
                using var scope = MonocleTrace.Scope("tenantId", tenant);
                return a.{|MPG0001:Ask|}("hi");
            }
        }
        """);

    [Fact]
    public Task Call_before_using_declaration_fires() => VerifyAsync("""
        class C
        {
            string M(Assistant a, string sub)
            {
                var early = a.{|MPG0001:Ask|}("first");
                using var scope = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                return early + a.Ask("second");
            }
        }
        """);

    [Fact]
    public Task Scope_disposed_before_the_call_fires() => VerifyAsync("""
        class C
        {
            string M(Assistant a, string sub)
            {
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub))
                {
                }
                return a.{|MPG0001:Ask|}("hi");
            }

            string N(Assistant a, string sub)
            {
                using var scope = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                scope.Dispose();
                return a.{|MPG0001:Ask|}("hi");
            }
        }
        """);

    [Fact]
    public Task Covered_by_try_finally_that_disposes_the_scope() => VerifyAsync("""
        class C
        {
            string M(Assistant a, string sub)
            {
                var scope = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                try
                {
                    return a.Ask("hi");
                }
                finally
                {
                    scope?.Dispose();
                }
            }
        }
        """);

    [Fact]
    public Task Covered_in_method_with_BillingSubject_parameter_or_attribute() => VerifyAsync("""
        partial class C
        {
            [BillingSubject]
            public partial string M(Assistant a, string subscriptionId);
            public partial string M(Assistant a, string subscriptionId) => MCore(a, subscriptionId);
            private string MCore(Assistant a, string subscriptionId) => a.Ask("in the implementation");

            [BillableInference("openai")]
            public partial string N(Assistant a, [BillingSubject] string subscriptionId);
            public partial string N(Assistant a, string subscriptionId) => a.Ask("in a method with a subject parameter");
        }
        """);

    [Fact]
    public Task Calling_a_method_whose_parameter_is_the_subject_is_not_billable_here() => VerifyAsync("""
        partial class Svc
        {
            [BillableInference("openai")]
            public partial string Ask([BillingSubject(BillingSubjectKind.Customer)] string customerId, string q);
            public partial string Ask(string customerId, string q) => AskCore(customerId, q);
            private string AskCore(string customerId, string q) => q;
        }

        class C
        {
            string M(Svc s) => s.Ask("cus_1", "hi");
        }
        """);

    [Fact]
    public Task Covered_in_implementation_named_by_Implementation() => VerifyAsync("""
        partial class Svc
        {
            private readonly ChatClient _chat = null!;

            [BillableInference("openai", Implementation = nameof(Send))]
            public partial string Ask(string q);
            public partial string Ask(string q) => Send(q);
            private string Send(string q) => _chat.CompleteChat(q).Value.Content[0].Text;

            private string NotAnImplementation(string q) => _chat.{|MPG0001:CompleteChat|}(q).Value.Content[0].Text;
        }
        """);

    [Fact]
    public Task RequiresBillingSubject_moves_the_check_to_callers() => VerifyAsync("""
        class Summariser
        {
            [RequiresBillingSubject]
            public string Summarise(Assistant a, string text) => a.Ask(text);
        }

        class C
        {
            string Uncovered(Summariser s, Assistant a) => s.{|MPG0001:Summarise|}(a, "t");

            string Covered(Summariser s, Assistant a, string sub)
            {
                using var _ = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                return s.Summarise(a, "t");
            }
        }
        """);

    [Fact]
    public Task BillingSubjectFromContext_on_method_and_type_opts_out() => VerifyAsync("""
        class C
        {
            [BillingSubjectFromContext("SubscriptionMiddleware")]
            string OnMethod(Assistant a) => a.Ask("hi");
        }

        [BillingSubjectFromContext]
        class Controller
        {
            class Nested
            {
                string M(Assistant a) => a.Ask("hi");
            }
        }
        """);

    [Fact]
    public Task BillingSubjectFromContext_on_assembly_opts_out() => VerifyAsync("""
        [assembly: BillingSubjectFromContext("middleware")]
        class C
        {
            string M(Assistant a) => a.Ask("hi");
        }
        """);

    [Fact]
    public Task Lambda_passed_to_Task_Run_inherits_the_scope() => VerifyAsync("""
        class C
        {
            async Task<string> Covered(Assistant a, string sub)
            {
                using var _ = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                return await Task.Run(() => a.Ask("hi"));
            }

            Task<string> Uncovered(Assistant a) => Task.Run(() => a.{|MPG0001:Ask|}("hi"));
        }
        """);

    [Fact]
    public Task Stored_lambda_is_not_covered_by_the_scope_around_its_creation() => VerifyAsync("""
        class C
        {
            Func<string>? _later;

            void M(Assistant a, string sub)
            {
                using var _ = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                _later = () => a.{|MPG0001:Ask|}("later");
                Func<string> local = () => a.{|MPG0001:Ask|}("later too");
                Func<string> inner = () =>
                {
                    using var s = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                    return a.Ask("own scope");
                };
            }
        }
        """);

    [Fact]
    public Task Local_function_is_covered_when_every_call_is() => VerifyAsync("""
        class C
        {
            string Covered(Assistant a, string sub)
            {
                using var _ = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                return Local();

                string Local() => a.Ask("hi");
            }

            string OneCallUncovered(Assistant a, string sub)
            {
                var first = Local();
                using var _ = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                return first + Local();

                string Local() => a.{|MPG0001:Ask|}("hi");
            }

            Func<string> StoredAsDelegate(Assistant a, string sub)
            {
                using var _ = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                return Local;

                string Local() => a.{|MPG0001:Ask|}("hi");
            }

            string MarkedLocal(Assistant a, string sub)
            {
                using (MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub))
                {
                    Local();
                }
                return {|MPG0001:Local|}();

                [RequiresBillingSubject]
                string Local() => a.Ask("hi");
            }
        }
        """);

    [Fact]
    public Task Await_foreach_over_a_stream_inside_the_scope_is_covered() => VerifyAsync("""
        class C
        {
            async Task Covered(ChatClient chat, string sub)
            {
                using var _ = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                await foreach (var update in chat.CompleteChatStreamingAsync("hi")) { }
            }

            async Task Uncovered(ChatClient chat)
            {
                await foreach (var update in chat.{|MPG0001:CompleteChatStreamingAsync|}("hi")) { }
            }
        }
        """);

    [Fact]
    public Task Switch_expression_arms_are_judged_like_any_expression() => VerifyAsync("""
        class C
        {
            string Covered(Assistant a, int k, string sub)
            {
                using var _ = MonocleTrace.Scope(MonocleScopes.SubscriptionId, sub);
                return k switch { 0 => a.Ask("zero"), _ => a.Ask("other") };
            }

            string Uncovered(Assistant a, int k) => k switch { 0 => a.{|MPG0001:Ask|}("zero"), _ => "none" };
        }
        """);

    [Fact]
    public Task Top_level_statements() => Verifier.VerifyProgramAsync(new[]
    {
        Sources.Assistant,
        Sources.Usings + """
            var a = new Assistant(null!);
            a.{|MPG0001:Ask|}("before");
            using var scope = MonocleTrace.Scope(MonocleScopes.SubscriptionId, "sub_1");
            a.Ask("after");
            """,
    });

    [Fact]
    public Task Partial_class_implementation_in_another_file_is_covered() => Verifier.VerifyAsync(new[]
    {
        Sources.Assistant,
        Sources.Usings + """
            public partial class Agent
            {
                [BillableInference("openai")]
                public partial string Run(string q);
            }
            """,
        Sources.Usings + """
            public partial class Agent
            {
                private readonly Assistant _assistant = null!;
                public partial string Run(string q) => RunCore(q);
                private string RunCore(string q) => _assistant.Ask(q);
                private string Other(string q) => _assistant.{|MPG0001:Ask|}(q);
            }
            """,
    });

    [Fact]
    public Task Generated_code_is_not_analyzed() => Verifier.VerifyAsync(new[]
    {
        Sources.Assistant,
        "// <auto-generated/>\n" + Sources.Usings + "class G { string M(Assistant a) => a.Ask(\"hi\"); }",
    });

    [Fact]
    public Task Known_sdk_calls_fire() => VerifyAsync("""
        using Microsoft.Extensions.AI;
        using Anthropic;
        using Anthropic.Models.Messages;

        class C
        {
            async Task M(ChatClient openAi, IChatClient chat, AnthropicClient claude, MessageCreateParams p)
            {
                openAi.{|MPG0001:CompleteChat|}("a");
                await openAi.{|MPG0001:CompleteChatAsync|}("a");
                foreach (var u in openAi.{|MPG0001:CompleteChatStreaming|}("a")) { }
                await chat.{|MPG0001:GetResponseAsync|}("extension method");
                await chat.{|MPG0001:GetResponseAsync|}(new List<Microsoft.Extensions.AI.ChatMessage>());
                await foreach (var u in chat.{|MPG0001:GetStreamingResponseAsync|}("s")) { }
                await claude.Messages.{|MPG0001:Create|}(p);
                await foreach (var e in claude.Messages.{|MPG0001:CreateStreaming|}(p)) { }
                chat.GetService<ChatClientMetadata>();
            }
        }
        """);

    [Fact]
    public Task Known_sdk_calls_covered_by_scope() => VerifyAsync("""
        using Microsoft.Extensions.AI;

        class C
        {
            async Task M(IChatClient chat, string customerId)
            {
                using (MonocleTrace.BillingSubject(customerId, BillingSubjectKind.Customer))
                {
                    await chat.GetResponseAsync("hi");
                }
            }
        }
        """);
}
