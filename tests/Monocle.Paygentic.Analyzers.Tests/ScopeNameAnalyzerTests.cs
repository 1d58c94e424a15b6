using Verifier = Monocle.Paygentic.Analyzers.Tests.AnalyzerVerifier<Monocle.Paygentic.Analyzers.ScopeNameAnalyzer>;

namespace Monocle.Paygentic.Analyzers.Tests;

public class ScopeNameAnalyzerTests
{
    private static string Open(string name) => Sources.Usings + $$"""
        class C
        {
            void M(string id)
            {
                using var scope = MonocleTrace.Scope({{name}}, id);
            }
        }
        """;

    [Theory]
    [InlineData("subscriptionID", "subscriptionId", "SubscriptionId")]
    [InlineData("subscription_id", "subscriptionId", "SubscriptionId")]
    [InlineData("SubscriptionId", "subscriptionId", "SubscriptionId")]
    [InlineData("subscription-id", "subscriptionId", "SubscriptionId")]
    [InlineData("customer_id", "customerId", "CustomerId")]
    [InlineData("customerID", "customerId", "CustomerId")]
    [InlineData("CustomerId", "customerId", "CustomerId")]
    public Task Misspelt_subject_scope_fires(string given, string exact, string constant) => Verifier.VerifyAsync(
        Open("{|#0:\"" + given + "\"|}"),
        Verifier.Diagnostic("MPG0004").WithLocation(0).WithArguments(given, exact, constant));

    [Theory]
    [InlineData("MonocleScopes.SubscriptionId")]
    [InlineData("MonocleScopes.CustomerId")]
    [InlineData("\"subscriptionId\"")]
    [InlineData("\"customerId\"")]
    [InlineData("\"tenantId\"")]
    [InlineData("\"conversation\"")]
    public Task Exact_or_unrelated_scope_does_not_fire(string name) => Verifier.VerifyAsync(Open(name));

    [Fact]
    public Task Misspelt_constant_fires_at_its_use() => Verifier.VerifyAsync(
        Open("{|#0:Keys.Sub|}") + "\nstatic class Keys { public const string Sub = \"subscription_id\"; }",
        Verifier.Diagnostic("MPG0004").WithLocation(0).WithArguments("subscription_id", "subscriptionId", "SubscriptionId"));
}
