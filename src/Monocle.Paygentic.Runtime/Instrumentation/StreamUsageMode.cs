using System.ComponentModel;

namespace Monocle.Paygentic.Instrumentation;

/// <summary>How the usage carried by the items of a stream adds up to the usage of the call (generator contract).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum StreamUsageMode
{
    /// <summary>
    /// Items carry running totals: the latest value of each field wins (<see cref="InferenceUsage.Update"/>).
    /// OpenAI's final usage chunk; Anthropic's <c>message_start</c> input and cumulative <c>message_delta</c> output.
    /// </summary>
    Latest = 0,

    /// <summary>Items carry their own part of the usage: the counts are added (<see cref="InferenceUsage.Add"/>), as Microsoft.Extensions.AI's <c>ToChatResponse</c> does with <c>UsageContent</c>.</summary>
    Sum = 1,
}
