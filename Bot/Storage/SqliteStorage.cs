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
        if (keys.Length == 0)
        {
            return Task.FromResult<IDictionary<string, object>>(new Dictionary<string, object>());
        }
        return ReadRowsAsync(keys, cancellationToken);
    }

    private async Task<IDictionary<string, object>> ReadRowsAsync(string[] keys, CancellationToken cancellationToken)
    {
        // The reader thread only runs the query; the JSON is parsed here, in parallel with other turns.
        var rows = await SqliteThreads.ReadAsync(_databaseFile, () => Read(keys), cancellationToken);
        IDictionary<string, object> result = new Dictionary<string, object>(rows.Count);
        foreach (var (key, json) in rows)
        {
            result[key] = StoreItemJson.Deserialize(json);
        }
        return result;
    }

    private List<(string Key, string Json)> Read(string[] keys)
    {
        var rows = new List<(string, string)>(keys.Length);
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
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        StoreItemJson.CheckKeys(changes.Keys);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialized here, in parallel with other turns: the writer thread runs only the statements.
        var rows = new List<(string Key, object Value, string? Required, string? NewETag, string Json)>(changes.Count);
        foreach (var (key, value) in changes)
        {
            ArgumentNullException.ThrowIfNull(value, $"changes[{key}]");
            var newETag = StoreItemJson.NewETag(value);
            rows.Add((key, value, StoreItemJson.RequiredETag(value), newETag, StoreItemJson.Serialize(value, newETag)));
        }

        // On the file's writer thread (see SqliteThreads); the caller's objects get their ETags back here after it.
        var written = await SqliteThreads.WriteAsync(_databaseFile, () => Write(rows), cancellationToken);
        // Like the SDK's storages: the caller's objects now carry the stored ETags (only once committed).
        foreach (var (item, etag) in written)
        {
            item.ETag = etag;
        }
    }

    private List<(IStoreItem Item, string? ETag)> Write(List<(string Key, object Value, string? Required, string? NewETag, string Json)> rows)
    {
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
        return written;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        StoreItemJson.CheckKeys(keys);
        return SqliteThreads.WriteAsync(_databaseFile, () => Delete(keys), cancellationToken);
    }

    private void Delete(string[] keys)
    {
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
