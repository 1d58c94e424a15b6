namespace Monocle.Paygentic.TraceFiles;

/// <summary>One item read from a trace file: a span, or an error that says where the file is wrong.</summary>
public readonly struct TraceFileRecord
{
    internal TraceFileRecord(MonocleSpanRecord span) => Span = span;

    internal TraceFileRecord(TraceFileError error) => Error = error;

    /// <summary>The span, or <see langword="null"/> when this record is an error.</summary>
    public MonocleSpanRecord? Span { get; }

    /// <summary>The error, or <see langword="null"/> when this record is a span.</summary>
    public TraceFileError? Error { get; }

    /// <summary>Whether this record is a span.</summary>
    public bool IsSpan => Span is not null;

    /// <inheritdoc/>
    public override string ToString() => Span is { } span ? $"span {span.TraceId}_{span.SpanId} '{span.Name}'" : Error?.ToString() ?? "(empty)";
}
