using System.Runtime.CompilerServices;

namespace Monocle.Paygentic.TraceFiles;

/// <summary>
/// Reads Monocle trace files: what the Python <c>FileSpanExporter</c> and <see cref="MonocleFileExporter"/>
/// write (a JSON array of spans, also when the writer died before the closing <c>]</c>), and one span
/// per line (the layout of Monocle's S3/blob exporters).
/// </summary>
/// <remarks>
/// Streaming: one span is in memory at a time, so a file of any size reads. Bad input never stops
/// the read early when it can be stepped over: the reader yields a <see cref="TraceFileError"/>
/// (file, line, column, byte offset, span index) for each fault and goes on with the next span, so
/// the good spans of a partly bad file are not lost.
/// </remarks>
public static class MonocleTraceFile
{
    /// <summary>Reads the spans and errors of a trace file, in file order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>One record per span or fault.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist (thrown on the first <c>MoveNextAsync</c>).</exception>
    public static IAsyncEnumerable<TraceFileRecord> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadFileAsync(path, cancellationToken);
    }

    /// <summary>Reads the spans and errors of a trace file from a stream, in order.</summary>
    /// <param name="stream">The content; read to its end, not disposed.</param>
    /// <param name="fileName">The name errors give for the file.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>One record per span or fault.</returns>
    public static IAsyncEnumerable<TraceFileRecord> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return ReadStreamAsync(stream, fileName, cancellationToken);
    }

    /// <summary>Reads only the spans of a trace file, handing each fault to <paramref name="onError"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="onError">Receives each fault, in file order.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The good spans, in file order.</returns>
    public static async IAsyncEnumerable<MonocleSpanRecord> ReadSpansAsync(
        string path,
        Action<TraceFileError> onError,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onError);
        await foreach (var record in ReadAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (record.Span is { } span)
            {
                yield return span;
            }
            else
            {
                onError(record.Error!);
            }
        }
    }

    private static async IAsyncEnumerable<TraceFileRecord> ReadFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            await foreach (var record in ReadStreamAsync(stream, path, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    private static async IAsyncEnumerable<TraceFileRecord> ReadStreamAsync(Stream stream, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var scanner = new TraceFileScanner(stream, fileName);
        await scanner.SkipByteOrderMarkAsync(cancellationToken).ConfigureAwait(false);
        if (!await scanner.SkipWhitespaceAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new TraceFileRecord(scanner.ErrorHere(null, "the file is empty: expected a JSON array of spans"));
            yield break;
        }

        var isArray = scanner.Current == (byte)'[';
        if (!isArray && scanner.Current != (byte)'{')
        {
            yield return new TraceFileRecord(scanner.ErrorHere(null,
                $"not a Monocle trace file: expected '[' (a JSON array of spans) or '{{' (one span per line), found {Show(scanner.Current)}"));
            yield break;
        }

        if (isArray)
        {
            scanner.Advance(1);
        }

        var index = 0;
        var needSeparator = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await scanner.SkipWhitespaceAsync(cancellationToken).ConfigureAwait(false))
            {
                if (isArray)
                {
                    yield return new TraceFileRecord(scanner.ErrorHere(null,
                        $"the file ends before the closing ']' of the span array: it is truncated (the {index} span(s) before this point were read)"));
                }

                yield break;
            }

            var next = scanner.Current;
            if (isArray && next == (byte)']')
            {
                scanner.Advance(1);
                if (await scanner.SkipWhitespaceAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return new TraceFileRecord(scanner.ErrorHere(null, $"unexpected {Show(scanner.Current)} after the closing ']' of the span array"));
                }

                yield break;
            }

            if (isArray && needSeparator)
            {
                if (next == (byte)',')
                {
                    scanner.Advance(1);
                    needSeparator = false;
                    continue;
                }

                var column = scanner.Column;
                yield return new TraceFileRecord(scanner.ErrorHere(null, $"expected ',' or ']' after span #{index - 1}, found {Show(next)}"));
                if (!await scanner.ResynchronizeAsync(column, cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }

                needSeparator = false;
                continue;
            }

            var spanColumn = scanner.Column;
            ElementOutcome outcome;
            while ((outcome = scanner.TryReadElement(index)).Kind == ElementKind.NeedMore)
            {
                await scanner.FillAsync(cancellationToken).ConfigureAwait(false);
            }

            index++;
            needSeparator = isArray;
            if (outcome.Span is { } span)
            {
                yield return new TraceFileRecord(span);
                continue;
            }

            yield return new TraceFileRecord(outcome.Error!);
            if (outcome.Kind == ElementKind.Truncated)
            {
                yield break;
            }

            if (outcome.Kind == ElementKind.BadJson)
            {
                if (!await scanner.ResynchronizeAsync(spanColumn, cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }

                needSeparator = false;
            }
        }
    }

    private static string Show(byte b) => b is >= 0x20 and < 0x7F ? $"'{(char)b}'" : $"byte 0x{b:X2}";
}
