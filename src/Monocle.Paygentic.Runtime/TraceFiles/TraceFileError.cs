namespace Monocle.Paygentic.TraceFiles;

/// <summary>Where and why a part of a trace file could not be read.</summary>
/// <param name="FilePath">The file (or the name given for a stream).</param>
/// <param name="Line">The 1-based line of the fault.</param>
/// <param name="Column">The 1-based byte column of the fault in its line.</param>
/// <param name="ByteOffset">The 0-based byte offset of the fault from the start of the file.</param>
/// <param name="SpanIndex">The 0-based index of the span in the file, or <see langword="null"/> when the fault is outside any span.</param>
/// <param name="Message">What is wrong.</param>
public sealed record TraceFileError(string FilePath, long Line, long Column, long ByteOffset, int? SpanIndex, string Message)
{
    /// <summary>The error as one line: <c>file(line,column): byte N, span #k: message</c>.</summary>
    public override string ToString() =>
        SpanIndex is { } index
            ? $"{FilePath}({Line},{Column}): byte {ByteOffset}, span #{index}: {Message}"
            : $"{FilePath}({Line},{Column}): byte {ByteOffset}: {Message}";
}
