using System.CommandLine;
using Monocle.Paygentic.Tool.Metrics;
using Monocle.Paygentic.Tool.Replay;
using Monocle.Paygentic.Tool.Requeue;

var root = new RootCommand("monocle-paygentic: tools for Monocle.Paygentic (usage billing of LLM calls through Paygentic).")
{
    ReplayCommand.Create(Console.Out, Console.Error),
    RequeueCommand.Create(Console.Out, Console.Error),
    MetricsCommand.Create(Console.Out, Console.Error),
};
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
