namespace Monocle.Paygentic.Emulator.Faults;

/// <summary>What a scripted fault does to the <c>POST /v0/events</c> request it meets.</summary>
public enum FaultKind
{
    /// <summary>Handle the request normally (after any scripted latency).</summary>
    Pass,

    /// <summary>Answer with a status code (5xx, or 429 with <c>Retry-After</c>) and store nothing.</summary>
    Status,

    /// <summary>Abort the connection before anything is stored: the client sees a network error.</summary>
    Drop,

    /// <summary>Write the event, then roll the write back and answer 500: nothing is stored, and a retry is accepted as new.</summary>
    FailStorage,

    /// <summary>Store the event, then abort the connection: the client never learns it was stored, and its retry is a duplicate.</summary>
    DropAfterStore,
}
