using Monocle.Paygentic;

namespace Monocle.Paygentic.Generators.Tests.Running;

/// <summary>Implementations that allocate nothing themselves, so a measurement shows only what the wrappers cost.</summary>
public sealed partial class ZeroAllocationService
{
    private static readonly Answer s_answer = ShapesService.Reply("cached");
    private static readonly Task<Answer> s_task = Task.FromResult(s_answer);
    private static readonly IAsyncEnumerable<Chunk> s_stream = new EmptyStream();

    [BillableInference("openai")]
    public partial Answer Ask(string question);

    private Answer AskCore(string question) => s_answer;

    [BillableInference("openai")]
    public partial Task<Answer> AskAsync(string question, CancellationToken cancellationToken = default);

    private Task<Answer> AskAsyncCore(string question, CancellationToken cancellationToken) => s_task;

    [BillableInference("openai")]
    public partial ValueTask<Answer> AskValueAsync(string question);

    private ValueTask<Answer> AskValueAsyncCore(string question) => new(s_answer);

    [BillableInference("openai")]
    public partial IAsyncEnumerable<Chunk> StreamAsync(string question);

    private IAsyncEnumerable<Chunk> StreamAsyncCore(string question) => s_stream;

    private sealed class EmptyStream : IAsyncEnumerable<Chunk>
    {
        public IAsyncEnumerator<Chunk> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
            AsyncEnumerable.Empty<Chunk>().GetAsyncEnumerator(cancellationToken);
    }
}
