namespace Monocle.Paygentic.Tool;

/// <summary>The exit codes of the commands that deliver events (<c>replay</c>, <c>requeue</c>), documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Some input was bad; the good input still went.</summary>
    public const int InputErrors = 1;

    /// <summary>Events were not delivered in time, or cannot be until the configuration is fixed; they stay spooled.</summary>
    public const int Undelivered = 3;

    /// <summary>Paygentic refused some events; they are dead-lettered.</summary>
    public const int DeadLettered = 5;

    /// <summary>Interrupted (Ctrl+C); what was spooled is sent by the next run.</summary>
    public const int Interrupted = 130;
}
