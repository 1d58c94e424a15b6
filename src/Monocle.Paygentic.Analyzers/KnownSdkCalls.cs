using Microsoft.CodeAnalysis;

namespace Monocle.Paygentic.Analyzers;

/// <summary>
/// The provider SDK calls that bill (SPEC §9), recognised by the metadata name of the type that
/// declares them so the analyzers need no SDK reference. Checked by name first: only a method whose
/// name is one of these reaches the type comparison.
/// </summary>
internal static class KnownSdkCalls
{
    private const string OpenAIChatClient = "OpenAI.Chat.ChatClient";
    private const string ChatClientInterface = "Microsoft.Extensions.AI.IChatClient";

    // Extension classes of Microsoft.Extensions.AI: the plain ones (Abstractions) and the typed
    // structured-output ones (Microsoft.Extensions.AI); both end in IChatClient.GetResponseAsync.
    private static readonly string[] ChatClientExtensionTypes =
    {
        "Microsoft.Extensions.AI.ChatClientExtensions",
        "Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions",
    };

    // The Anthropic SDK (13.x): client.Messages is an IMessageService; the Beta surface mirrors it,
    // WithRawResponse returns the same call with its HTTP response, and MessageServiceExtensions adds
    // the structured-output Create<T>.
    private static readonly string[] AnthropicMessageTypes =
    {
        "Anthropic.Services.IMessageService",
        "Anthropic.Services.MessageService",
        "Anthropic.Services.IMessageServiceWithRawResponse",
        "Anthropic.Services.MessageServiceWithRawResponse",
        "Anthropic.Services.MessageServiceExtensions",
        "Anthropic.Services.Beta.IMessageService",
        "Anthropic.Services.Beta.MessageService",
        "Anthropic.Services.Beta.IMessageServiceWithRawResponse",
        "Anthropic.Services.Beta.MessageServiceWithRawResponse",
        "Anthropic.Services.Beta.BetaMessageServiceExtensions",
    };

    /// <summary>Whether <paramref name="method"/> is a provider call that bills.</summary>
    public static bool IsBillable(IMethodSymbol method)
    {
        switch (method.Name)
        {
            case "CompleteChat":
            case "CompleteChatAsync":
            case "CompleteChatStreaming":
            case "CompleteChatStreamingAsync":
                // Azure OpenAI's AzureChatClient overrides these; the override is the same call.
                for (var current = method; current is not null; current = current.OverriddenMethod)
                {
                    if (DeclaredIn(current, OpenAIChatClient))
                    {
                        return true;
                    }
                }

                return false;
            case "GetResponseAsync":
            case "GetStreamingResponseAsync":
                return DeclaredIn(method, ChatClientInterface)
                    || DeclaredInAny(method, ChatClientExtensionTypes)
                    || ImplementsChatClient(method.ContainingType);
            case "Create":
            case "CreateStreaming":
                return DeclaredInAny(method, AnthropicMessageTypes);
            default:
                return false;
        }
    }

    private static bool DeclaredInAny(IMethodSymbol method, string[] typeNames)
    {
        foreach (var name in typeNames)
        {
            if (DeclaredIn(method, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaredIn(IMethodSymbol method, string metadataName) =>
        method.ContainingType is { } type && HasMetadataName(type, metadataName);

    // A concrete chat client (OpenAIChatClient, a DelegatingChatClient subclass) called directly.
    private static bool ImplementsChatClient(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (HasMetadataName(candidate, ChatClientInterface))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMetadataName(INamedTypeSymbol type, string metadataName)
    {
        // Compare "Namespace.Name" without allocating the full display string on every call.
        var dot = metadataName.LastIndexOf('.');
        if (type.MetadataName.Length != metadataName.Length - dot - 1
            || string.CompareOrdinal(type.MetadataName, 0, metadataName, dot + 1, type.MetadataName.Length) != 0)
        {
            return false;
        }

        return type.ContainingType is null && type.ContainingNamespace?.ToDisplayString() == metadataName.Substring(0, dot);
    }
}
