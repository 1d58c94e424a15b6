using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monocle.Paygentic.Emulator.Metrics;

namespace Monocle.Paygentic.Emulator.Storage;

/// <summary>
/// The emulator's SQLite database: billable metrics and ingested events. An event and its
/// idempotency key are one row written in one transaction, so a key is "seen" exactly when its
/// event is durably stored, and a rolled-back write leaves no trace a retry could trip over.
/// </summary>
internal sealed class EmulatorStore : IAsyncDisposable
{
    private const int SqliteConstraint = 19;

    private readonly string _connectionString;
    private readonly bool _inMemory;

    // One writer at a time inside this process: SQLite serialises writers anyway, and waiting
    // here instead of on SQLITE_BUSY keeps concurrent requests fair. Busy timeouts still cover a
    // second process on the same file.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // A shared-cache in-memory database exists only while a connection to it is open.
    private SqliteConnection? _keepAlive;

    private EmulatorStore(string connectionString, bool inMemory)
    {
        _connectionString = connectionString;
        _inMemory = inMemory;
    }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/>, or a private in-memory one when null.</summary>
    public static async Task<EmulatorStore> OpenAsync(string? path, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DefaultTimeout = 30, Pooling = true };
        if (string.IsNullOrEmpty(path))
        {
            builder.DataSource = "paygentic-emulator-" + Guid.NewGuid().ToString("N");
            builder.Mode = SqliteOpenMode.Memory;
            builder.Cache = SqliteCacheMode.Shared;
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            builder.DataSource = path;
            builder.Mode = SqliteOpenMode.ReadWriteCreate;
        }

        var store = new EmulatorStore(builder.ToString(), string.IsNullOrEmpty(path));
        try
        {
            if (store._inMemory)
            {
                store._keepAlive = new SqliteConnection(store._connectionString);
                await store._keepAlive.OpenAsync(cancellationToken).ConfigureAwait(false);
            }

            await store.CreateSchemaAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS metrics (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                merchant_id TEXT NOT NULL,
                product_id TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                unit TEXT NOT NULL,
                aggregation TEXT NOT NULL,
                event_type TEXT NULL,
                value_property TEXT NULL,
                group_by TEXT NOT NULL,
                event_from INTEGER NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS metrics_event_type ON metrics(event_type);
            CREATE TABLE IF NOT EXISTS events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                idempotency_key TEXT NOT NULL,
                type TEXT NOT NULL,
                source TEXT NOT NULL,
                subject TEXT NOT NULL,
                namespace TEXT NOT NULL,
                timestamp_ticks INTEGER NOT NULL,
                data TEXT NOT NULL,
                received_at INTEGER NOT NULL);
            CREATE UNIQUE INDEX IF NOT EXISTS events_idempotency_key ON events(idempotency_key);
            CREATE INDEX IF NOT EXISTS events_type_time ON events(type, timestamp_ticks);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        if (!_inMemory)
        {
            // WAL: readers never block the writer. Persistent in the file, so set once.
            command.CommandText = "PRAGMA journal_mode=WAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragma = connection.CreateCommand();

            // FULL: a commit is on disk before we answer 202; "accepted" must survive a crash.
            pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stores <paramref name="candidate"/> unless an event with its idempotency key is already
    /// stored; returns the stored event and whether it was a duplicate.
    /// </summary>
    /// <param name="candidate">The event to store.</param>
    /// <param name="failBeforeCommit">Scripted fault: write, then roll back and throw.</param>
    /// <param name="cancellationToken">Cancels before the commit; nothing is stored then.</param>
    public async Task<(StoredEvent Event, bool Duplicate)> AddEventAsync(StoredEvent candidate, bool failBeforeCommit, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var existing = await FindEventByKeyAsync(connection, candidate.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return (existing, true);
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO events (id, idempotency_key, type, source, subject, namespace, timestamp_ticks, data, received_at)
                    VALUES ($id, $key, $type, $source, $subject, $namespace, $ticks, $data, $received);
                    """;
                insert.Parameters.AddWithValue("$id", candidate.Id);
                insert.Parameters.AddWithValue("$key", candidate.IdempotencyKey);
                insert.Parameters.AddWithValue("$type", candidate.Type);
                insert.Parameters.AddWithValue("$source", candidate.Source);
                insert.Parameters.AddWithValue("$subject", candidate.Subject);
                insert.Parameters.AddWithValue("$namespace", candidate.Namespace);
                insert.Parameters.AddWithValue("$ticks", candidate.Timestamp.UtcTicks);
                insert.Parameters.AddWithValue("$data", candidate.DataJson);
                insert.Parameters.AddWithValue("$received", candidate.ReceivedAt.UtcTicks);
                try
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
                {
                    // Another process sharing the file stored the same key first.
                    await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                    var winner = await FindEventByKeyAsync(connection, candidate.IdempotencyKey, CancellationToken.None).ConfigureAwait(false);
                    return winner is null ? throw new InvalidOperationException("Idempotency conflict without a stored event.", ex) : (winner, true);
                }
            }

            if (failBeforeCommit)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw new EmulatedStorageFailureException();
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (candidate, false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static async Task<StoredEvent?> FindEventByKeyAsync(SqliteConnection connection, string key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = EventColumns + " WHERE idempotency_key = $key;";
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadEvent(reader) : null;
    }

    private const string EventColumns =
        "SELECT id, idempotency_key, type, source, subject, namespace, timestamp_ticks, data, received_at FROM events";

    private static StoredEvent ReadEvent(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
        reader.GetString(7),
        new DateTimeOffset(reader.GetInt64(8), TimeSpan.Zero));

    /// <summary>
    /// Events of <paramref name="type"/> with <paramref name="from"/> &lt;= timestamp &lt; <paramref name="to"/>,
    /// optionally of one subject, oldest first (ties in arrival order).
    /// </summary>
    public Task<IReadOnlyList<StoredEvent>> GetEventsAsync(string type, DateTimeOffset from, DateTimeOffset to, string? subject, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredEvent>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = EventColumns + " WHERE type = $type AND timestamp_ticks >= $from AND timestamp_ticks < $to"
                + (subject is null ? string.Empty : " AND subject = $subject")
                + " ORDER BY timestamp_ticks, seq;";
            command.Parameters.AddWithValue("$type", type);
            command.Parameters.AddWithValue("$from", from.UtcTicks);
            command.Parameters.AddWithValue("$to", to.UtcTicks);
            if (subject is not null)
            {
                command.Parameters.AddWithValue("$subject", subject);
            }

            return await ReadAllAsync(command, ReadEvent, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The most recently received events, newest first.</summary>
    public Task<IReadOnlyList<StoredEvent>> GetRecentEventsAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredEvent>>(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = EventColumns + " ORDER BY seq DESC LIMIT $limit;";
            command.Parameters.AddWithValue("$limit", limit);
            return await ReadAllAsync(command, ReadEvent, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>How many events are stored.</summary>
    public Task<long> CountEventsAsync(CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM events;";
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);

    /// <summary>Stores a new billable metric.</summary>
    public async Task AddMetricAsync(BillableMetric metric, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO metrics (id, merchant_id, product_id, name, description, unit, aggregation, event_type, value_property, group_by, event_from, created_at, updated_at)
                VALUES ($id, $merchant, $product, $name, $description, $unit, $aggregation, $eventType, $valueProperty, $groupBy, $eventFrom, $created, $updated);
                """;
            command.Parameters.AddWithValue("$id", metric.Id);
            command.Parameters.AddWithValue("$merchant", metric.MerchantId);
            command.Parameters.AddWithValue("$product", metric.ProductId);
            command.Parameters.AddWithValue("$name", metric.Name);
            command.Parameters.AddWithValue("$description", metric.Description);
            command.Parameters.AddWithValue("$unit", metric.Unit);
            command.Parameters.AddWithValue("$aggregation", MeterAggregationNames.ToWire(metric.Aggregation));
            command.Parameters.AddWithValue("$eventType", (object?)metric.EventType ?? DBNull.Value);
            command.Parameters.AddWithValue("$valueProperty", (object?)metric.ValueProperty ?? DBNull.Value);
            command.Parameters.AddWithValue("$groupBy", JsonSerializer.Serialize(metric.GroupBy));
            command.Parameters.AddWithValue("$eventFrom", metric.EventFrom is { } from ? from.UtcTicks : DBNull.Value);
            command.Parameters.AddWithValue("$created", metric.CreatedAt.UtcTicks);
            command.Parameters.AddWithValue("$updated", metric.UpdatedAt.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private const string MetricColumns =
        "SELECT id, name, description, unit, merchant_id, product_id, aggregation, event_type, value_property, group_by, event_from, created_at, updated_at FROM metrics";

    private static BillableMetric ReadMetric(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        MeterAggregationNames.Parse(reader.GetString(6)),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(9)) ?? [],
        reader.IsDBNull(10) ? null : new DateTimeOffset(reader.GetInt64(10), TimeSpan.Zero),
        new DateTimeOffset(reader.GetInt64(11), TimeSpan.Zero),
        new DateTimeOffset(reader.GetInt64(12), TimeSpan.Zero));

    /// <summary>The metric with this id, or null.</summary>
    public Task<BillableMetric?> GetMetricAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = MetricColumns + " WHERE id = $id;";
            command.Parameters.AddWithValue("$id", id);
            return await ReadAllAsync(command, ReadMetric, cancellationToken).ConfigureAwait(false) is [var metric, ..] ? metric : null;
        }, cancellationToken);

    /// <summary>A page of a merchant's metrics in creation order, and how many there are in all.</summary>
    public Task<(IReadOnlyList<BillableMetric> Page, long Total)> ListMetricsAsync(string merchantId, string? productId, int limit, int offset, CancellationToken cancellationToken) =>
        ReadAsync<(IReadOnlyList<BillableMetric>, long)>(async connection =>
        {
            var filter = " WHERE merchant_id = $merchant" + (productId is null ? string.Empty : " AND product_id = $product");
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM metrics" + filter + ";";
            await using var page = connection.CreateCommand();
            page.CommandText = MetricColumns + filter + " ORDER BY seq LIMIT $limit OFFSET $offset;";
            foreach (var command in new[] { count, page })
            {
                command.Parameters.AddWithValue("$merchant", merchantId);
                if (productId is not null)
                {
                    command.Parameters.AddWithValue("$product", productId);
                }
            }

            page.Parameters.AddWithValue("$limit", limit);
            page.Parameters.AddWithValue("$offset", offset);
            var total = (long)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            return (await ReadAllAsync(page, ReadMetric, cancellationToken).ConfigureAwait(false), total);
        }, cancellationToken);

    /// <summary>Every metric, in creation order.</summary>
    public Task<IReadOnlyList<BillableMetric>> GetAllMetricsAsync(CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = MetricColumns + " ORDER BY seq;";
            return await ReadAllAsync(command, ReadMetric, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Whether any billable metric routes events of this type.</summary>
    public Task<bool> IsKnownEventTypeAsync(string type, CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT EXISTS(SELECT 1 FROM metrics WHERE event_type = $type);";
            command.Parameters.AddWithValue("$type", type);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 1;
        }, cancellationToken);

    // Every row the command returns, read by one of the row readers (ReadEvent, ReadMetric).
    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        // Shared-cache in-memory databases lock whole tables (SQLITE_LOCKED, which busy timeouts
        // do not wait for), so there readers queue behind the writer; WAL files read concurrently.
        if (_inMemory)
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await read(connection).ConfigureAwait(false);
        }
        finally
        {
            if (_inMemory)
            {
                _writeGate.Release();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync().ConfigureAwait(false);
            _keepAlive = null;
        }

        // Release pooled handles so the database file can be moved or deleted after shutdown.
        SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        _writeGate.Dispose();
    }
}
