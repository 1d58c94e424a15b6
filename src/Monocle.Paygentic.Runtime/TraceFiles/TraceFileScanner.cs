using System.Buffers;
using System.Text.Json;

namespace Monocle.Paygentic.TraceFiles;

/// <summary>
/// A window over a trace file that holds one span at a time: it refills from the stream as a span
/// needs more bytes and keeps the line, column and byte offset of its cursor, so every error can
/// say where it is. A file larger than memory reads in the memory of its largest span.
/// </summary>
internal sealed class TraceFileScanner(Stream stream, string filePath) : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _start;
    private int _end;
    private long _bufferOffset;
    private long _line = 1;
    private long _lineStartOffset;
    private bool _eof;

    public string FilePath { get; } = filePath;

    public bool AtEnd => _eof && _start == _end;

    public byte Current => _buffer[_start];

    public long Offset => _bufferOffset + _start;

    public long Column => Offset - _lineStartOffset + 1;

    public TraceFileError ErrorHere(int? spanIndex, string message) => new(FilePath, _line, Column, Offset, spanIndex, message);

    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return false;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // One span is larger than the window: widen it rather than fail.
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    public async ValueTask SkipByteOrderMarkAsync(CancellationToken cancellationToken)
    {
        while (_end - _start < 3 && await FillAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        if (_buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _start += 3;
            _lineStartOffset = 3;
        }
    }

    /// <summary>Moves past whitespace; <see langword="false"/> at the end of the file.</summary>
    public async ValueTask<bool> SkipWhitespaceAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = _start;
            while (index < _end && _buffer[index] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                index++;
            }

            Advance(index - _start);
            if (_start < _end)
            {
                return true;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    public void Advance(int count)
    {
        var passed = _buffer.AsSpan(_start, count);
        var lastNewLine = passed.LastIndexOf((byte)'\n');
        if (lastNewLine >= 0)
        {
            _line += passed.Count((byte)'\n');
            _lineStartOffset = Offset + lastNewLine + 1;
        }

        _start += count;
    }

    /// <summary>Reads the JSON value at the cursor and moves past it, or says why it cannot.</summary>
    public ElementOutcome TryReadElement(int spanIndex)
    {
        var window = _buffer.AsSpan(_start, _end - _start);
        var reader = new Utf8JsonReader(window, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || !reader.TrySkip())
            {
                return _eof
                    ? new ElementOutcome(ElementKind.Truncated, null, ErrorHere(spanIndex, $"the file ends inside span #{spanIndex}: it is truncated"))
                    : new ElementOutcome(ElementKind.NeedMore, null, null);
            }
        }
        catch (JsonException e)
        {
            var (line, column, offset) = Locate(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            var error = new TraceFileError(FilePath, line, column, _bufferOffset + offset, spanIndex, $"invalid JSON: {Reason(e.Message)}");

            // Resume from the start of the faulty line: a missing '}' makes the next span's opening line the fault.
            Advance(e.LineNumber > 0 ? offset - (int)(column - 1) - _start : offset - _start);
            return new ElementOutcome(ElementKind.BadJson, null, error);
        }

        var length = (int)reader.BytesConsumed;
        var spanStart = ErrorHere(spanIndex, string.Empty);
        MonocleSpanRecord? record;
        string? problem;
        using (var document = JsonDocument.Parse(_buffer.AsMemory(_start, length)))
        {
            record = SpanRecordParser.Parse(document.RootElement, out problem);
        }

        Advance(length);
        return record is not null
            ? new ElementOutcome(ElementKind.Span, record, null)
            : new ElementOutcome(ElementKind.BadSpan, null, spanStart with { Message = problem! });
    }

    /// <summary>
    /// After invalid JSON, finds the start of the next span: a <c>{</c> that opens a line at the
    /// column the broken span opened at (after indentation, or after the <c>,</c> the Python
    /// exporter puts before each span), or the <c>]</c> that closes the array.
    /// </summary>
    public async ValueTask<bool> ResynchronizeAsync(long spanColumn, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Column == 1)
            {
                while (_end - _start < spanColumn + 1 && await FillAsync(cancellationToken).ConfigureAwait(false))
                {
                }

                var line = _buffer.AsSpan(_start, _end - _start);
                var indent = 0;
                while (indent < line.Length && line[indent] is (byte)' ' or (byte)'\t')
                {
                    indent++;
                }

                if (indent < line.Length && line[indent] == (byte)']')
                {
                    Advance(indent);
                    return true;
                }

                var brace = indent < line.Length && line[indent] == (byte)',' ? indent + 1 : indent;
                if (brace < line.Length && line[brace] == (byte)'{' && brace + 1 == spanColumn)
                {
                    Advance(brace);
                    return true;
                }
            }

            var newLine = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newLine >= 0)
            {
                Advance(newLine + 1);
                continue;
            }

            Advance(_end - _start);
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    // The reader counts lines and columns from the span start; turn them into file positions.
    private (long Line, long Column, int BufferIndex) Locate(long lineInSpan, long bytePositionInLine)
    {
        var index = _start;
        for (var line = 0L; line < lineInSpan; line++)
        {
            index += _buffer.AsSpan(index, _end - index).IndexOf((byte)'\n') + 1;
        }

        index = (int)Math.Min(index + bytePositionInLine, _end);
        var column = lineInSpan == 0 ? Column + bytePositionInLine : bytePositionInLine + 1;
        return (_line + lineInSpan, column, index);
    }

    private static string Reason(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}

/// <summary>What <see cref="TraceFileScanner.TryReadElement"/> found.</summary>
internal enum ElementKind
{
    /// <summary>The value continues past the bytes read so far.</summary>
    NeedMore,

    /// <summary>A span.</summary>
    Span,

    /// <summary>Valid JSON that is not a span (wrong shape, missing ids, wrong types): the next value follows it.</summary>
    BadSpan,

    /// <summary>Invalid JSON: the next span has to be searched for.</summary>
    BadJson,

    /// <summary>The file ends inside the value.</summary>
    Truncated,
}

/// <summary>What <see cref="TraceFileScanner.TryReadElement"/> found: a span, or the error.</summary>
internal readonly record struct ElementOutcome(ElementKind Kind, MonocleSpanRecord? Span, TraceFileError? Error);
