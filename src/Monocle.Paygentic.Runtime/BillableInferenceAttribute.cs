namespace Monocle.Paygentic;

/// <summary>
/// Marks a <see langword="partial"/> method as a billable call to a model provider. The Monocle.Paygentic
/// source generator writes the method's implementing part: it calls your implementation (by default the
/// same name with <c>Core</c> appended), traces it as a Monocle inference span, and records the token
/// usage it finds on the result so the Paygentic exporter can bill it.
/// </summary>
/// <example>
/// <code>
/// [BillableInference("openai")]
/// public partial Task&lt;ClientResult&lt;ChatCompletion&gt;&gt; AskAsync(string question, CancellationToken ct);
///
/// private Task&lt;ClientResult&lt;ChatCompletion&gt;&gt; AskAsyncCore(string question, CancellationToken ct) =&gt;
///     _chat.CompleteChatAsync([new UserChatMessage(question)], cancellationToken: ct);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class BillableInferenceAttribute : Attribute
{
    /// <summary>Marks a method as a billable inference call to <paramref name="provider"/>.</summary>
    /// <param name="provider">
    /// The provider, as Monocle names it: <c>openai</c>, <c>azure_openai</c>, <c>anthropic</c>,
    /// <c>gemini</c>, <c>aws_bedrock</c>, … or any other name of lower-case letters, digits and
    /// underscores. The event type billed is <c>ai.inference.&lt;provider&gt;</c>.
    /// </param>
    public BillableInferenceAttribute(string provider) => Provider = provider;

    /// <summary>The provider, e.g. <c>openai</c>.</summary>
    public string Provider { get; }

    /// <summary>
    /// The name of the method that holds the implementation; by default the annotated method's name
    /// followed by <c>Core</c>.
    /// </summary>
    public string? Implementation { get; set; }

    /// <summary>The model name, when it is fixed; otherwise it is read from an <see cref="InferenceModelAttribute"/> parameter or the result.</summary>
    public string? Model { get; set; }
}
