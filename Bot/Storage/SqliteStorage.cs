using ChatBot.Handoff.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;

namespace ChatBot.Storage;

/// <summary>
/// The embedded default <see cref="IStorage"/>: one SQLite file in WAL mode, one row per key.
/// A write batch runs in one IMMEDIATE transaction, so it is atomic, and an item written with a
/// stale ETag fails the whole batch with <see cref="ETagConflictException"/> (nothing half-written).
/// Safe for concurrent turns in one process and for several processes on one file.
/// </summary>
public sealed class SqliteStorage : IStorage
{
    private readonly string _connectionString;
    private readonly string _databaseFile;

    public SqliteStorage(string databaseFile)
    {
        _databaseFile = databaseFile;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS items (
                key TEXT PRIMARY KEY NOT NULL,
                etag TEXT NULL,
                json TEXT NOT NULL,
                updated TEXT NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    public string DatabaseFile => new SqliteConnectionStringBuilder(_connectionString).DataSource;

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        StoreItemJson.CheckKeys(keys);
        IDictionary<string, object> result = new Dictionary<string, object>();
        if (keys.Length == 0)
        {
            return Task.FromResult(result);
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        var names = new List<string>();
        for (var i = 0; i < keys.Length; i++)
        {
            names.Add("$k" + i);
            command.Parameters.AddWithValue("$k" + i, keys[i]);
        }
        command.CommandText = $"SELECT key, json FROM items WHERE key IN ({string.Join(",", names)})";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = StoreItemJson.Deserialize(reader.GetString(1));
        }
        return Task.FromResult(result);
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        StoreItemJson.CheckKeys(changes.Keys);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialized before the file's writer slot is taken, so the slot is held only for the statements.
        var rows = new List<(string Key, object Value, string? Required, string? NewETag, string Json)>(changes.Count);
        foreach (var (key, value) in changes)
        {
            ArgumentNullException.ThrowIfNull(value, $"changes[{key}]");
            var newETag = StoreItemJson.NewETag(value);
            rows.Add((key, value, StoreItemJson.RequiredETag(value), newETag, StoreItemJson.Serialize(value, newETag)));
        }

        // The statements run synchronously (the driver has no real async I/O; a commit takes microseconds): only the
        // wait for the file's writer slot is asynchronous (see SqliteWriteGate).
        using var turn = await SqliteWriteGate.EnterAsync(_databaseFile, cancellationToken);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var written = new List<(IStoreItem Item, string? ETag)>();
        var updated = DateTimeOffset.UtcNow.ToString("O");
        foreach (var (key, value, required, newETag, json) in rows)
        {
            if (required != null)
            {
                // "SELECT etag" gives DBNull for a row without an ETag and null for no row.
                using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "SELECT etag FROM items WHERE key = $key";
                check.Parameters.AddWithValue("$key", key);
                var row = check.ExecuteScalar();
                if (StoreItemJson.IsCreateOnly(value) ? row != null : row as string != required)
                {
                    throw new ETagConflictException(key);
                }
            }

            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO items (key, etag, json, updated) VALUES ($key, $etag, $json, $updated)
                ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, json = excluded.json, updated = excluded.updated
                """;
            upsert.Parameters.AddWithValue("$key", key);
            upsert.Parameters.AddWithValue("$etag", (object?)newETag ?? DBNull.Value);
            upsert.Parameters.AddWithValue("$json", json);
            upsert.Parameters.AddWithValue("$updated", updated);
            upsert.ExecuteNonQuery();
            if (value is IStoreItem item)
            {
                written.Add((item, newETag));
            }
        }
        transaction.Commit();
        // Like the SDK's storages: the caller's objects now carry the stored ETags (only once committed).
        foreach (var (item, etag) in written)
        {
            item.ETag = etag;
        }
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        StoreItemJson.CheckKeys(keys);
        using var turn = await SqliteWriteGate.EnterAsync(_databaseFile, cancellationToken);
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var key in keys)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM items WHERE key = $key";
            command.Parameters.AddWithValue("$key", key);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
