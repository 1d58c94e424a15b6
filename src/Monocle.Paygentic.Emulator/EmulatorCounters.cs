namespace Monocle.Paygentic.Emulator;

/// <summary>Lock-free counters behind <see cref="EmulatorStatistics"/>.</summary>
internal sealed class EmulatorCounters
{
    private long _requests;
    private long _stored;
    private long _duplicates;
    private long _rejected;
    private long _faulted;

    public void Request() => Interlocked.Increment(ref _requests);

    public void Stored() => Interlocked.Increment(ref _stored);

    public void Duplicate() => Interlocked.Increment(ref _duplicates);

    public void Rejected() => Interlocked.Increment(ref _rejected);

    public void Faulted() => Interlocked.Increment(ref _faulted);

    public EmulatorStatistics Snapshot() => new(
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _stored),
        Interlocked.Read(ref _duplicates),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _faulted));
}
