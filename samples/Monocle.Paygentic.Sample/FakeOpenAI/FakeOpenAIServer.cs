using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monocle.Paygentic.Sample.FakeOpenAI;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 that answers <c>POST /v1/chat/completions</c> in OpenAI's JSON
/// (usage included; streams as server-sent <c>chat.completion.chunk</c> events, with the usage chunk when the
/// request asks <c>stream_options.include_usage</c>, then <c>data: [DONE]</c>), with deterministic token
/// counts. It records what it issued per end user and model: the ground truth a run's meters must equal.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<IssuedUsage> _issued = new();
    private long _nextId;

    private FakeOpenAIServer(WebApplication app) => _app = app;

    /// <summary>The OpenAI base URL, <c>http://127.0.0.1:{port}/v1</c> (what <c>OPENAI_BASE_URL</c> would hold).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every completion issued, in order.</summary>
    public IReadOnlyList<IssuedUsage> Issued => [.. _issued];

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeOpenAIServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.MapPost("/v1/chat/completions", server.CompleteAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task CompleteAsync(HttpContext http)
    {
        FakeChatCompletion completion;
        try
        {
            using var request = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            completion = FakeChatCompletion.From(request.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync(Json(w => WriteError(w, e.Message)), http.RequestAborted).ConfigureAwait(false);
            return;
        }

        var id = "chatcmpl-fake" + Interlocked.Increment(ref _nextId);
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        _issued.Enqueue(new IssuedUsage(completion.EndUser, completion.Model, completion.PromptTokens, completion.CompletionTokens, completion.Stream));

        if (!completion.Stream)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(Json(w => WriteCompletion(w, id, created, completion)), http.RequestAborted).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var words = completion.ReplyWords;
        for (var i = 0; i < words.Count; i++)
        {
            var text = i == 0 ? words[i] : " " + words[i];
            await SendEventAsync(http, Json(w => WriteChunk(w, id, created, completion, role: i == 0, text, finishReason: null, usage: false))).ConfigureAwait(false);
        }

        await SendEventAsync(http, Json(w => WriteChunk(w, id, created, completion, role: false, text: null, finishReason: "stop", usage: false))).ConfigureAwait(false);
        if (completion.IncludeUsage)
        {
            await SendEventAsync(http, Json(w => WriteChunk(w, id, created, completion, role: false, text: null, finishReason: null, usage: true))).ConfigureAwait(false);
        }

        await SendEventAsync(http, "[DONE]").ConfigureAwait(false);
    }

    private static async Task SendEventAsync(HttpContext http, string data)
    {
        await http.Response.WriteAsync("data: " + data + "\n\n", http.RequestAborted).ConfigureAwait(false);
        await http.Response.Body.FlushAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteCompletion(Utf8JsonWriter w, string id, long created, FakeChatCompletion completion)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", "chat.completion");
        w.WriteNumber("created", created);
        w.WriteString("model", completion.Model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", completion.Reply);
        w.WriteNull("refusal");
        w.WriteStartArray("annotations");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNull("logprobs");
        w.WriteString("finish_reason", "stop");
        w.WriteEndObject();
        w.WriteEndArray();
        WriteUsage(w, completion);
        w.WriteString("service_tier", "default");
        w.WriteString("system_fingerprint", "fp_fake");
        w.WriteEndObject();
    }

    private static void WriteChunk(Utf8JsonWriter w, string id, long created, FakeChatCompletion completion, bool role, string? text, string? finishReason, bool usage)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("object", "chat.completion.chunk");
        w.WriteNumber("created", created);
        w.WriteString("model", completion.Model);
        w.WriteString("service_tier", "default");
        w.WriteString("system_fingerprint", "fp_fake");
        w.WriteStartArray("choices");
        if (!usage)
        {
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("delta");
            if (role)
            {
                w.WriteString("role", "assistant");
            }

            if (text is not null)
            {
                w.WriteString("content", text);
            }

            w.WriteEndObject();
            w.WriteNull("logprobs");
            if (finishReason is null)
            {
                w.WriteNull("finish_reason");
            }
            else
            {
                w.WriteString("finish_reason", finishReason);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        // With include_usage, OpenAI writes "usage": null on every chunk but the last, which carries the counts.
        if (usage)
        {
            WriteUsage(w, completion);
        }
        else if (completion.IncludeUsage)
        {
            w.WriteNull("usage");
        }

        w.WriteEndObject();
    }

    private static void WriteUsage(Utf8JsonWriter w, FakeChatCompletion completion)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", completion.PromptTokens);
        w.WriteNumber("completion_tokens", completion.CompletionTokens);
        w.WriteNumber("total_tokens", completion.PromptTokens + completion.CompletionTokens);
        w.WriteStartObject("prompt_tokens_details");
        w.WriteNumber("cached_tokens", 0);
        w.WriteNumber("audio_tokens", 0);
        w.WriteEndObject();
        w.WriteStartObject("completion_tokens_details");
        w.WriteNumber("reasoning_tokens", 0);
        w.WriteNumber("audio_tokens", 0);
        w.WriteNumber("accepted_prediction_tokens", 0);
        w.WriteNumber("rejected_prediction_tokens", 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter w, string message)
    {
        w.WriteStartObject();
        w.WriteStartObject("error");
        w.WriteString("message", message);
        w.WriteString("type", "invalid_request_error");
        w.WriteNull("param");
        w.WriteNull("code");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
