namespace Monocle.Paygentic.Emulator.Storage;

/// <summary>
/// Thrown when a scripted storage fault rolls an event's write back: the event and its
/// idempotency key were not stored, so a retry must be accepted as new.
/// </summary>
internal sealed class EmulatedStorageFailureException : Exception
{
    public EmulatedStorageFailureException()
        : base("Emulated storage failure: the event was rolled back and not stored.")
    {
    }

    public EmulatedStorageFailureException(string message)
        : base(message)
    {
    }

    public EmulatedStorageFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
