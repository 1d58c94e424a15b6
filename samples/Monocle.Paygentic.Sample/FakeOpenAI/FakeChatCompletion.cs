using System.Text.Json;

namespace Monocle.Paygentic.Sample.FakeOpenAI;

/// <summary>
/// What the fake server answers to one request, decided from the request alone: the same request always
/// gets the same reply and the same token counts. Tokens are words, a stand-in for a tokenizer.
/// </summary>
internal sealed record FakeChatCompletion(string Model, string? EndUser, bool Stream, bool IncludeUsage, string Reply, int PromptTokens)
{
    // OpenAI counts a few tokens of framing per message and per request; so does the fake, to look the part.
    private const int TokensPerMessage = 4;
    private const int TokensPerRequest = 3;

    public IReadOnlyList<string> ReplyWords { get; } = Reply.Split(' ');

    public int CompletionTokens => ReplyWords.Count;

    /// <summary>Reads an OpenAI <c>POST /v1/chat/completions</c> body.</summary>
    /// <exception cref="FormatException">The body has no <c>model</c> or no <c>messages</c>.</exception>
    public static FakeChatCompletion From(JsonElement request)
    {
        if (!request.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String
            || !request.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("a chat completion request needs 'model' and 'messages'.");
        }

        var promptTokens = TokensPerRequest;
        var lastUserText = "";
        foreach (var message in messages.EnumerateArray())
        {
            var text = MessageText(message);
            promptTokens += TokensPerMessage + Words(text);
            if (message.TryGetProperty("role", out var role) && role.GetString() == "user")
            {
                lastUserText = text;
            }
        }

        var endUser = request.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.String ? user.GetString() : null;
        var stream = request.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = request.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("include_usage", out var include) && include.ValueKind == JsonValueKind.True;
        return new FakeChatCompletion(model.GetString()!, endUser, stream, includeUsage, ReplyTo(lastUserText), promptTokens);
    }

    // Message content is a string, or an array of parts of which the text ones count.
    private static string MessageText(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return "";
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var parts = content.EnumerateArray()
            .Where(p => p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString());
        return string.Join(' ', parts);
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string ReplyTo(string question)
    {
        var topic = string.Join(' ', question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6));
        return topic.Length == 0 ? "Ready." : $"Thanks for asking. About \"{topic}\": here is what I found, step by step.";
    }
}
