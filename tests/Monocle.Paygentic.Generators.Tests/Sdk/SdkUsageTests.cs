using System.Text.Json;
using Anthropic.Models.Messages;
using Microsoft.Extensions.AI;
using Monocle.Paygentic.Generators.Tests.Running;
using OpenAI.Chat;
using MeaiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAIFinishReason = OpenAI.Chat.ChatFinishReason;

namespace Monocle.Paygentic.Generators.Tests.Sdk;

/// <summary>Usage read from the real OpenAI, Microsoft.Extensions.AI and Anthropic result types, as each SDK builds them.</summary>
[Collection(ListenerCollection.Name)]
public sealed class SdkUsageTests
{
    [Fact]
    public async Task OpenAI_chat_completion_usage_cached_tokens_finish_reason_and_model()
    {
        using var recorder = new SpanRecorder();
        var service = new SdkServices
        {
            Next = OpenAIChatModelFactory.ChatCompletion(
                id: "chatcmpl-1",
                finishReason: OpenAIFinishReason.ToolCalls,
                model: "gpt-4o-2024-08-06",
                usage: OpenAIChatModelFactory.ChatTokenUsage(
                    outputTokenCount: 5,
                    inputTokenCount: 20,
                    totalTokenCount: 25,
                    outputTokenDetails: null,
                    inputTokenDetails: OpenAIChatModelFactory.ChatInputTokenUsageDetails(audioTokenCount: 0, cachedTokenCount: 8))),
        };

        await service.OpenAIAsync("hi");

        var span = recorder.Single();
        var metadata = span.Metadata()!;
        Assert.Equal(20L, metadata[MonocleEvents.PromptTokens]);
        Assert.Equal(5L, metadata[MonocleEvents.CompletionTokens]);
        Assert.Equal(25L, metadata[MonocleEvents.TotalTokens]);
        Assert.Equal(8L, metadata[MonocleEvents.CacheReadInputTokens]);
        Assert.Equal("tool_calls", metadata[MonocleEvents.FinishReason]);
        Assert.Equal(FinishTypes.ToolCall, metadata[MonocleEvents.FinishType]);
        Assert.Equal("gpt-4o-2024-08-06", metadata[MonocleEvents.ModelName]);
        Assert.Equal("gpt-4o-2024-08-06", span.Tag(MonocleAttributes.Entity2Name));
    }

    [Theory]
    [InlineData("Stop", "stop")]
    [InlineData("Length", "length")]
    [InlineData("ContentFilter", "content_filter")]
    [InlineData("FunctionCall", "function_call")]
    public async Task OpenAI_finish_reasons_are_written_as_OpenAI_spells_them(string member, string expected)
    {
        using var recorder = new SpanRecorder();
        var service = new SdkServices
        {
            Next = OpenAIChatModelFactory.ChatCompletion(
                finishReason: Enum.Parse<OpenAIFinishReason>(member),
                usage: OpenAIChatModelFactory.ChatTokenUsage(outputTokenCount: 1, inputTokenCount: 1, totalTokenCount: 2)),
        };

        await service.OpenAIAsync("hi");

        Assert.Equal(expected, recorder.Single().Metadata()![MonocleEvents.FinishReason]);
    }

    [Fact]
    public async Task OpenAI_stream_bills_the_final_usage_chunk()
    {
        using var recorder = new SpanRecorder();
        var service = new SdkServices
        {
            NextStream =
            [
                OpenAIChatModelFactory.StreamingChatCompletionUpdate(model: "gpt-4o-mini"),
                OpenAIChatModelFactory.StreamingChatCompletionUpdate(model: "gpt-4o-mini", finishReason: OpenAIFinishReason.Stop),
                OpenAIChatModelFactory.StreamingChatCompletionUpdate(
                    model: "gpt-4o-mini",
                    usage: OpenAIChatModelFactory.ChatTokenUsage(outputTokenCount: 12, inputTokenCount: 30, totalTokenCount: 42)),
            ],
        };

        await foreach (var _ in service.OpenAIStreamAsync("hi"))
        {
        }

        var metadata = recorder.Single().Metadata()!;
        Assert.Equal(30L, metadata[MonocleEvents.PromptTokens]);
        Assert.Equal(12L, metadata[MonocleEvents.CompletionTokens]);
        Assert.Equal(42L, metadata[MonocleEvents.TotalTokens]);
        Assert.Equal("stop", metadata[MonocleEvents.FinishReason]);
        Assert.Equal("gpt-4o-mini", metadata[MonocleEvents.ModelName]);
    }

    [Fact]
    public void MEAI_chat_response_usage_finish_reason_and_model()
    {
        using var recorder = new SpanRecorder();
        var service = new SdkServices
        {
            Next = new ChatResponse(new Microsoft.Extensions.AI.ChatMessage(ChatRole.Assistant, "hello"))
            {
                Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 4, TotalTokenCount = 14, CachedInputTokenCount = 2 },
                FinishReason = MeaiFinishReason.Length,
                ModelId = "gpt-4.1",
            },
        };

        service.MeaiChat("hi");

        var metadata = recorder.Single().Metadata()!;
        Assert.Equal(10L, metadata[MonocleEvents.PromptTokens]);
        Assert.Equal(4L, metadata[MonocleEvents.CompletionTokens]);
        Assert.Equal(14L, metadata[MonocleEvents.TotalTokens]);
        Assert.Equal(2L, metadata[MonocleEvents.CacheReadInputTokens]);
        Assert.Equal("length", metadata[MonocleEvents.FinishReason]);
        Assert.Equal(FinishTypes.Truncated, metadata[MonocleEvents.FinishType]);
        Assert.Equal("gpt-4.1", metadata[MonocleEvents.ModelName]);
    }

    [Fact]
    public async Task MEAI_stream_sums_UsageContent_as_ToChatResponse_does()
    {
        using var recorder = new SpanRecorder();
        ChatResponseUpdate[] updates =
        [
            new(ChatRole.Assistant, "Hel") { ModelId = "gpt-4.1" },
            new() { Contents = [new UsageContent(new UsageDetails { InputTokenCount = 6, OutputTokenCount = 2, TotalTokenCount = 8 })] },
            new(ChatRole.Assistant, "lo") { FinishReason = MeaiFinishReason.Stop },
            new() { Contents = [new TextContent("!"), new UsageContent(new UsageDetails { InputTokenCount = 1, OutputTokenCount = 3, TotalTokenCount = 4 })] },
        ];
        var service = new SdkServices { NextStream = updates };

        await foreach (var _ in service.MeaiStreamAsync("hi"))
        {
        }

        var expected = updates.ToChatResponse().Usage!;
        var metadata = recorder.Single().Metadata()!;
        Assert.Equal(expected.InputTokenCount, (long?)metadata[MonocleEvents.PromptTokens]);
        Assert.Equal(expected.OutputTokenCount, (long?)metadata[MonocleEvents.CompletionTokens]);
        Assert.Equal(expected.TotalTokenCount, (long?)metadata[MonocleEvents.TotalTokens]);
        Assert.Equal(12L, metadata[MonocleEvents.TotalTokens]);
        Assert.Equal("stop", metadata[MonocleEvents.FinishReason]);
        Assert.Equal("gpt-4.1", metadata[MonocleEvents.ModelName]);
    }

    [Fact]
    public async Task Anthropic_message_usage_keeps_cache_reads_apart_from_input()
    {
        using var recorder = new SpanRecorder();
        var service = new SdkServices
        {
            Next = Message.FromRawUnchecked(Raw("""
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],
                 "stop_reason":"max_tokens","stop_sequence":null,
                 "usage":{"input_tokens":25,"output_tokens":9,"cache_read_input_tokens":100,"cache_creation_input_tokens":40}}
                """)),
        };

        await service.AnthropicAsync("hi");

        var metadata = recorder.Single().Metadata()!;
        Assert.Equal(25L, metadata[MonocleEvents.PromptTokens]);
        Assert.Equal(9L, metadata[MonocleEvents.CompletionTokens]);
        Assert.Equal(34L, metadata[MonocleEvents.TotalTokens]);
        Assert.Equal(100L, metadata[MonocleEvents.CacheReadInputTokens]);
        Assert.Equal(40L, metadata[MonocleEvents.CacheCreationInputTokens]);
        Assert.Equal("max_tokens", metadata[MonocleEvents.FinishReason]);
        Assert.Equal(FinishTypes.Truncated, metadata[MonocleEvents.FinishType]);
        Assert.Equal("claude-sonnet-4-5", metadata[MonocleEvents.ModelName]);
    }

    [Fact]
    public async Task Anthropic_stream_takes_input_from_the_start_event_and_output_from_the_last_delta()
    {
        using var recorder = new SpanRecorder();
        var service = new SdkServices
        {
            NextStream =
            [
                Event("""{"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":50,"output_tokens":1,"cache_read_input_tokens":7}}}"""),
                Event("""{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"""),
                Event("""{"type":"message_delta","delta":{"stop_reason":null,"stop_sequence":null},"usage":{"output_tokens":10}}"""),
                Event("""{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}"""),
                Event("""{"type":"message_stop"}"""),
            ],
        };

        await foreach (var _ in service.AnthropicStreamAsync("hi"))
        {
        }

        var metadata = recorder.Single().Metadata()!;
        Assert.Equal(50L, metadata[MonocleEvents.PromptTokens]);
        Assert.Equal(15L, metadata[MonocleEvents.CompletionTokens]);
        Assert.Equal(65L, metadata[MonocleEvents.TotalTokens]);
        Assert.Equal(7L, metadata[MonocleEvents.CacheReadInputTokens]);
        Assert.Equal("end_turn", metadata[MonocleEvents.FinishReason]);
        Assert.Equal(FinishTypes.Success, metadata[MonocleEvents.FinishType]);
        Assert.Equal("claude-haiku-4-5", metadata[MonocleEvents.ModelName]);
    }

    private static Dictionary<string, JsonElement> Raw(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static RawMessageStreamEvent Event(string json) =>
        JsonSerializer.Deserialize<RawMessageStreamEvent>(json)!;
}
