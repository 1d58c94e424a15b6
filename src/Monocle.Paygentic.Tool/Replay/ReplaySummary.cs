using Monocle.Paygentic.Export;
using Monocle.Paygentic.TraceFiles;

namespace Monocle.Paygentic.Tool.Replay;

/// <summary>What a replay read and produced.</summary>
internal sealed class ReplaySummary
{
    public int Files { get; set; }

    public long Spans { get; set; }

    public long Events { get; set; }

    /// <summary>Billable-looking spans that gave no event, by reason (duplicates included).</summary>
    public Dictionary<PaygenticSkipReason, long> Skipped { get; } = [];

    /// <summary>Errors in the input, each naming its file and position.</summary>
    public List<TraceFileError> Errors { get; } = [];

    /// <summary>Events that could not be spooled (spool full).</summary>
    public long NotSpooled { get; set; }
}
