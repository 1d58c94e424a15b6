namespace Monocle.Paygentic;

/// <summary>
/// Names of the span attributes (Activity tags) that Monocle writes on its spans, exactly as the
/// Python <c>monocle_apptrace</c> library spells them, so traces from both read the same.
/// </summary>
public static class MonocleAttributes
{
    /// <summary>The kind of span: <see cref="MonocleSpanTypes.Inference"/>, <see cref="MonocleSpanTypes.InferenceFramework"/>, …</summary>
    public const string SpanType = "span.type";

    /// <summary>The provider entity: <c>inference.&lt;provider&gt;</c>, e.g. <c>inference.openai</c>.</summary>
    public const string Entity1Type = "entity.1.type";

    /// <summary>The provider's endpoint host, when known.</summary>
    public const string Entity1ProviderName = "entity.1.provider_name";

    /// <summary>The provider's endpoint URL, when known.</summary>
    public const string Entity1InferenceEndpoint = "entity.1.inference_endpoint";

    /// <summary>The model name.</summary>
    public const string Entity2Name = "entity.2.name";

    /// <summary>The model entity type: <c>model.llm.&lt;model&gt;</c>.</summary>
    public const string Entity2Type = "entity.2.type";

    /// <summary>How many entity groups (<c>entity.N.*</c>) the span carries.</summary>
    public const string EntityCount = "entity.count";

    /// <summary>The workflow name given at setup (falls back to the service name).</summary>
    public const string WorkflowName = "workflow.name";

    /// <summary>The version of the library that wrote the span.</summary>
    public const string MonocleVersion = "monocle_apptrace.version";

    /// <summary>The language of the library that wrote the span: <c>dotnet</c> here, <c>python</c> in Monocle.</summary>
    public const string MonocleLanguage = "monocle_apptrace.language";

    /// <summary>The prefix of the attribute that carries a trace scope: <c>scope.&lt;name&gt;</c>.</summary>
    public const string ScopePrefix = "scope.";

    /// <summary>The attribute that carries the <see cref="MonocleScopes.SubscriptionId"/> scope.</summary>
    public const string ScopeSubscriptionId = ScopePrefix + MonocleScopes.SubscriptionId;

    /// <summary>The attribute that carries the <see cref="MonocleScopes.CustomerId"/> scope.</summary>
    public const string ScopeCustomerId = ScopePrefix + MonocleScopes.CustomerId;

    /// <summary>The value of <see cref="MonocleLanguage"/> written by this library.</summary>
    public const string LanguageDotnet = "dotnet";
}
