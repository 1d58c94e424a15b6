using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Monocle.Paygentic.Delivery;

/// <summary>
/// The write-ahead spool: one file per event under a folder per partition (endpoint and namespace), so
/// sandbox events never reach live. An event is appended, durably, before <c>Export</c> returns and its
/// file is removed only once the event is delivered or dead-lettered; what is left at shutdown is sent
/// by the next process. The API key is never written.
/// </summary>
/// <remarks>
/// Why files: a file per event is appended and removed atomically with nothing but the file system
/// (write to a temporary name, flush, rename), survives a killed process, needs no native database,
/// and makes the spool inspectable with <c>ls</c>. Naming each file after a hash of the idempotency
/// key makes a span spooled twice one file.
/// </remarks>
internal sealed class EventSpool
{
    private const string PendingFolder = "pending";
    private const string DeadFolder = "dead";
    private const string Extension = ".json";

    private readonly string _pending;
    private readonly string _dead;
    private readonly int _maxEvents;
    private readonly bool _flushToDisk;
    private readonly TimeProvider _time;
    private int _count;

    public EventSpool(string root, Uri endpoint, string? @namespace, int maxEvents, bool flushToDisk, TimeProvider time)
    {
        Directory = Path.Combine(root, PartitionId(endpoint, @namespace));
        _pending = Path.Combine(Directory, PendingFolder);
        _dead = Path.Combine(Directory, DeadFolder);
        _maxEvents = maxEvents;
        _flushToDisk = flushToDisk;
        _time = time;

        System.IO.Directory.CreateDirectory(_pending);
        System.IO.Directory.CreateDirectory(_dead);
        File.WriteAllText(
            Path.Combine(Directory, "partition.json"),
            JsonSerializer.Serialize(new PartitionInfo(endpoint.ToString(), @namespace), DeliveryJsonContext.Default.PartitionInfo));

        // A temporary file left by a process killed mid-write never became an event.
        foreach (var leftover in System.IO.Directory.EnumerateFiles(_pending, "*.tmp"))
        {
            TryDelete(leftover);
        }

        _count = System.IO.Directory.EnumerateFiles(_pending, "*" + Extension).Count();
    }

    /// <summary>The partition's folder.</summary>
    public string Directory { get; }

    /// <summary>Events waiting for delivery.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Appends an event durably. Returns <see cref="AppendResult.Duplicate"/> when an event with the same
    /// idempotency key is already waiting, <see cref="AppendResult.Full"/> when the spool holds its maximum.
    /// </summary>
    public AppendResult Append(string idempotencyKey, ReadOnlySpan<byte> body)
    {
        var path = Path.Combine(_pending, FileNameFor(idempotencyKey));
        if (File.Exists(path))
        {
            return AppendResult.Duplicate;
        }

        if (Interlocked.Increment(ref _count) > _maxEvents)
        {
            Interlocked.Decrement(ref _count);
            return AppendResult.Full;
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.None))
            {
                file.Write(body);
                file.Flush(_flushToDisk);
            }

            // Retention and ordering read file times: stamp them with the exporter's clock, not the file system's.
            File.SetLastWriteTimeUtc(temporary, _time.GetUtcNow().UtcDateTime);
            File.Move(temporary, path, overwrite: false);
            return AppendResult.Appended;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another writer spooled the same event between the check and the rename.
            Interlocked.Decrement(ref _count);
            TryDelete(temporary);
            return AppendResult.Duplicate;
        }
        catch
        {
            Interlocked.Decrement(ref _count);
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The waiting events' file names, oldest first.</summary>
    public IReadOnlyList<string> ListPending() =>
        new DirectoryInfo(_pending).EnumerateFiles("*" + Extension)
            .OrderBy(f => f.LastWriteTimeUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Name)
            .ToList();

    /// <summary>Reads a waiting event; <see langword="null"/> when it is gone or unreadable (then it is dead-lettered).</summary>
    public SpooledEvent? Read(string fileName)
    {
        byte[] body;
        try
        {
            body = File.ReadAllBytes(Path.Combine(_pending, fileName));
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        if (!TryReadHeader(body, out var type, out var key))
        {
            DeadLetter(fileName, body, "The spooled file is not a Paygentic event (corrupt or edited by hand).", statusCode: null, response: null);
            return null;
        }

        return new SpooledEvent(fileName, type, key, body);
    }

    /// <summary>Removes a delivered event.</summary>
    public void Remove(SpooledEvent spooled)
    {
        if (TryDelete(Path.Combine(_pending, spooled.FileName)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Moves an event that will not be delivered to the dead-letter folder, with the reason; <c>monocle-paygentic requeue</c> sends it again.</summary>
    public void DeadLetter(SpooledEvent spooled, string reason, int? statusCode, string? response) =>
        DeadLetter(spooled.FileName, spooled.Body, reason, statusCode, response);

    /// <summary>
    /// Dead-letters waiting events older than <paramref name="retention"/> (as "expired") and deletes
    /// dead letters older than it. Returns the number of waiting events that expired.
    /// </summary>
    public int EnforceRetention(TimeSpan retention)
    {
        var cutoff = _time.GetUtcNow().UtcDateTime - retention;
        var expired = 0;
        foreach (var file in new DirectoryInfo(_pending).EnumerateFiles("*" + Extension))
        {
            if (file.LastWriteTimeUtc < cutoff && Read(file.Name) is { } spooled)
            {
                DeadLetter(spooled, $"Expired: not delivered within the retention period ({retention}).", statusCode: null, response: null);
                expired++;
            }
        }

        foreach (var file in new DirectoryInfo(_dead).EnumerateFiles("*" + Extension))
        {
            if (file.LastWriteTimeUtc < cutoff)
            {
                TryDelete(file.FullName);
            }
        }

        return expired;
    }

    private void DeadLetter(string fileName, byte[] body, string reason, int? statusCode, string? response)
    {
        var envelope = TryParse(body) is { } parsed
            ? new DeadLetter(reason, statusCode, response, _time.GetUtcNow(), parsed, Raw: null)
            : new DeadLetter(reason, statusCode, response, _time.GetUtcNow(), Event: null, Raw: Encoding.UTF8.GetString(body));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(envelope, DeliveryJsonContext.Default.DeadLetter);
        var target = Path.Combine(_dead, fileName);
        var temporary = target + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.SetLastWriteTimeUtc(temporary, _time.GetUtcNow().UtcDateTime);
        File.Move(temporary, target, overwrite: true);
        if (TryDelete(Path.Combine(_pending, fileName)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    private static JsonElement? TryParse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadHeader(byte[] body, out string type, out string key)
    {
        type = key = "";
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                var isKey = reader.ValueTextEquals("idempotencyKey"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString()!;
                }
                else if (isKey && reader.TokenType == JsonTokenType.String)
                {
                    key = reader.GetString()!;
                }
                else
                {
                    reader.Skip();
                }
            }

            return type.Length > 0 && key.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string FileNameFor(string idempotencyKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)).AsSpan(0, 16)).ToLowerInvariant() + Extension;

    private static string PartitionId(Uri endpoint, string? @namespace) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.ToString() + "\n" + @namespace)).AsSpan(0, 8)).ToLowerInvariant();

    private static bool TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}

/// <summary>What became of an event offered to the spool.</summary>
internal enum AppendResult
{
    Appended,
    Duplicate,
    Full,
}

internal sealed record PartitionInfo(string Endpoint, string? Namespace);

/// <summary>A dead-lettered event: why it was not delivered, and the event itself, ready to requeue.
/// <c>Event</c> is the body as it would be posted; <c>Raw</c> the file's text when it was not JSON.</summary>
internal sealed record DeadLetter(string Reason, int? StatusCode, string? Response, DateTimeOffset DeadLetteredAt, JsonElement? Event, string? Raw);
