using System.Runtime.CompilerServices;
using ChatBot.Handoff.Events;
using Microsoft.Data.Sqlite;

namespace ChatBot.Events;

/// <summary>
/// The embedded event log: one append-only table in its own SQLite file (WAL), indexed by time so that a
/// range read does not scan the whole history. Timestamps are stored as UTC ticks, which sort exactly;
/// the JSON column keeps the whole event in its one JSON form (<see cref="OutcomeEventJson"/>).
/// Appending an event whose Id is already there does nothing, so a retried write never counts twice.
/// </summary>
public sealed class SqliteEventLog : IEventLog
{
    private readonly string _connectionString;

    public SqliteEventLog(string databaseFile)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        DatabaseFile = databaseFile;
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
            CREATE TABLE IF NOT EXISTS events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                ts INTEGER NOT NULL,
                name TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                visitor_id TEXT NULL,
                schema_version INTEGER NOT NULL,
                json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS events_ts ON events (ts, seq);
            CREATE INDEX IF NOT EXISTS events_visitor ON events (visitor_id);
            CREATE INDEX IF NOT EXISTS events_conversation ON events (conversation_id);
            """;
        command.ExecuteNonQuery();
    }

    public string DatabaseFile { get; }

    public Task RecordAsync(OutcomeEvent outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var json = OutcomeEventJson.Serialize(outcome);
        return Storage.SqliteThreads.WriteAsync(DatabaseFile, () =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT OR IGNORE INTO events (id, ts, name, conversation_id, visitor_id, schema_version, json)
                VALUES ($id, $ts, $name, $conversation, $visitor, $version, $json)
                """;
            command.Parameters.AddWithValue("$id", outcome.Id);
            command.Parameters.AddWithValue("$ts", outcome.Timestamp.UtcTicks);
            command.Parameters.AddWithValue("$name", outcome.Name);
            command.Parameters.AddWithValue("$conversation", outcome.ConversationId);
            command.Parameters.AddWithValue("$visitor", (object?)outcome.VisitorId ?? DBNull.Value);
            command.Parameters.AddWithValue("$version", outcome.SchemaVersion);
            command.Parameters.AddWithValue("$json", json);
            command.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>
    /// Replaces the whole log with these events in one transaction. Only for a store of its own (the
    /// demo-data command rewrites the demo store); the real log is append-only.
    /// </summary>
    public Task ReplaceAllAsync(IEnumerable<OutcomeEvent> outcomes)
    {
        var all = outcomes.ToList();
        return Storage.SqliteThreads.WriteAsync(DatabaseFile, () => Replace(all));
    }

    private void Replace(List<OutcomeEvent> outcomes)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM events";
            clear.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO events (id, ts, name, conversation_id, visitor_id, schema_version, json)
            VALUES ($id, $ts, $name, $conversation, $visitor, $version, $json)
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var ts = command.Parameters.Add("$ts", SqliteType.Integer);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var conversation = command.Parameters.Add("$conversation", SqliteType.Text);
        var visitor = command.Parameters.Add("$visitor", SqliteType.Text);
        var version = command.Parameters.Add("$version", SqliteType.Integer);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        foreach (var outcome in outcomes)
        {
            id.Value = outcome.Id;
            ts.Value = outcome.Timestamp.UtcTicks;
            name.Value = outcome.Name;
            conversation.Value = outcome.ConversationId;
            visitor.Value = (object?)outcome.VisitorId ?? DBNull.Value;
            version.Value = outcome.SchemaVersion;
            json.Value = OutcomeEventJson.Serialize(outcome);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>
    /// In pages of <see cref="ReadPage"/> rows, each read on the file's reader thread, so that a long range neither
    /// blocks a request thread nor sits in memory at once.
    /// </summary>
    public async IAsyncEnumerable<OutcomeEvent> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        (long Ts, long Seq) after = (from.UtcTicks, -1);
        while (true)
        {
            var start = after;
            var page = await Storage.SqliteThreads.ReadAsync(DatabaseFile, () => ReadPageAfter(start, to.UtcTicks), cancellationToken);
            foreach (var (_, _, json) in page)
            {
                yield return OutcomeEventJson.Deserialize(json);
            }
            if (page.Count < ReadPage)
            {
                yield break;
            }
            after = (page[^1].Ts, page[^1].Seq);
        }
    }

    internal const int ReadPage = 2000;

    // Keyset paging on the (ts, seq) index: the rows after the last one read, in the log's order.
    private List<(long Ts, long Seq, string Json)> ReadPageAfter((long Ts, long Seq) after, long to)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT ts, seq, json FROM events
            WHERE ts < $to AND (ts > $ts OR (ts = $ts AND seq > $seq))
            ORDER BY ts, seq LIMIT $limit
            """;
        command.Parameters.AddWithValue("$ts", after.Ts);
        command.Parameters.AddWithValue("$seq", after.Seq);
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$limit", ReadPage);
        var rows = new List<(long, long, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        }
        return rows;
    }

    public Task<int> DeleteVisitorAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(visitorId);
        return Storage.SqliteThreads.WriteAsync(DatabaseFile, () =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            // Also the events of the visitor's conversations that carry no visitor id (a coach's note, a handoff
            // outcome): they are still about this visitor.
            command.CommandText = """
                DELETE FROM events WHERE visitor_id = $visitor
                   OR conversation_id IN (SELECT conversation_id FROM events WHERE visitor_id = $visitor)
                """;
            command.Parameters.AddWithValue("$visitor", visitorId);
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
