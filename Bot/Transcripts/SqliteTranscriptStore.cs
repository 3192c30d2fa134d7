using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;

namespace ChatBot.Transcripts;

/// <summary>
/// The embedded transcript store: one table in its own SQLite file (transcripts.db, WAL) next to the bot's state.
/// One row per activity, unique by (channel, conversation, activity id) so an activity logged twice (the handoff
/// stores a turn early, the middleware again at its end) is one entry; read in time order.
/// </summary>
public sealed class SqliteTranscriptStore : ITranscriptStore, IVisitorTranscripts, ITranscriptBatchLogger
{
    private readonly string _connectionString;
    private readonly string _databaseFile;

    public SqliteTranscriptStore(string databaseFile)
    {
        _databaseFile = databaseFile;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databaseFile))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS activities (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                channel_id TEXT NOT NULL,
                conversation_id TEXT NOT NULL,
                activity_id TEXT NOT NULL,
                ts INTEGER NOT NULL,
                visitor_id TEXT NULL,
                json TEXT NOT NULL,
                UNIQUE (channel_id, conversation_id, activity_id));
            CREATE INDEX IF NOT EXISTS activities_conversation ON activities (channel_id, conversation_id, ts, seq);
            CREATE INDEX IF NOT EXISTS activities_visitor ON activities (visitor_id);
            """;
        command.ExecuteNonQuery();
    }

    public Task LogActivityAsync(IActivity activity) => LogActivitiesAsync([activity]);

    /// <summary>
    /// All in one transaction: under load the background logger hands over a few activities at a time, and one commit
    /// (about 65 µs of CPU and 140 µs holding the file's writer slot here) for each was most of what logging cost.
    /// </summary>
    public async Task LogActivitiesAsync(IReadOnlyList<IActivity> activities)
    {
        foreach (var activity in activities)
        {
            TranscriptJson.Check(activity);
        }
        var rows = activities.Select(a => (Channel: a.ChannelId, Conversation: a.Conversation.Id, Id: TranscriptJson.EntryId(a), Ts: TranscriptJson.TimestampOf(a).UtcTicks,
            Visitor: TranscriptJson.VisitorOf(a), Json: TranscriptJson.Serialize(a))).ToList();
        await Storage.SqliteThreads.WriteAsync(_databaseFile, () => Insert(rows));
    }

    private void Insert(List<(string Channel, string Conversation, string Id, long Ts, string? Visitor, string Json)> rows)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR IGNORE INTO activities (channel_id, conversation_id, activity_id, ts, visitor_id, json)
            VALUES ($channel, $conversation, $id, $ts, $visitor, $json)
            """;
        var channel = command.Parameters.Add("$channel", SqliteType.Text);
        var conversation = command.Parameters.Add("$conversation", SqliteType.Text);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var ts = command.Parameters.Add("$ts", SqliteType.Integer);
        var visitor = command.Parameters.Add("$visitor", SqliteType.Text);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        foreach (var row in rows)
        {
            channel.Value = row.Channel;
            conversation.Value = row.Conversation;
            id.Value = row.Id;
            ts.Value = row.Ts;
            visitor.Value = (object?)row.Visitor ?? DBNull.Value;
            json.Value = row.Json;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public async Task<PagedResult<IActivity>> GetTranscriptActivitiesAsync(string channelId, string conversationId, string? continuationToken = null, DateTimeOffset startDate = default)
    {
        var offset = int.TryParse(continuationToken, out var parsed) && parsed > 0 ? parsed : 0;
        var rows = await Storage.SqliteThreads.ReadAsync(_databaseFile, () =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT json FROM activities WHERE channel_id = $channel AND conversation_id = $conversation AND ts >= $from
                ORDER BY ts, seq LIMIT $limit OFFSET $offset
                """;
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$conversation", conversationId);
            command.Parameters.AddWithValue("$from", startDate.UtcTicks);
            command.Parameters.AddWithValue("$limit", TranscriptJson.PageSize + 1);
            command.Parameters.AddWithValue("$offset", offset);
            return Strings(command);
        });
        var more = rows.Count > TranscriptJson.PageSize;
        return new PagedResult<IActivity>
        {
            Items = rows.Take(TranscriptJson.PageSize).Select(TranscriptJson.Deserialize).ToArray(),
            ContinuationToken = more ? (offset + TranscriptJson.PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
    }

    public async Task<PagedResult<TranscriptInfo>> ListTranscriptsAsync(string channelId, string? continuationToken = null)
    {
        var all = await Storage.SqliteThreads.ReadAsync(_databaseFile, () =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT conversation_id, MIN(ts) FROM activities WHERE channel_id = $channel GROUP BY conversation_id ORDER BY conversation_id";
            command.Parameters.AddWithValue("$channel", channelId);
            var found = new List<TranscriptInfo>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found.Add(new TranscriptInfo { ChannelId = channelId, Id = reader.GetString(0), Created = new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero) });
            }
            return found;
        });
        return TranscriptJson.Page(all, continuationToken, 20);
    }

    public Task DeleteTranscriptAsync(string channelId, string conversationId) =>
        Storage.SqliteThreads.WriteAsync(_databaseFile, () =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM activities WHERE channel_id = $channel AND conversation_id = $conversation";
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$conversation", conversationId);
            command.ExecuteNonQuery();
        });

    public Task<IReadOnlyList<(string ChannelId, string ConversationId)>> ConversationsOfAsync(string visitorId, CancellationToken cancellationToken = default) =>
        Storage.SqliteThreads.ReadAsync<IReadOnlyList<(string, string)>>(_databaseFile, () =>
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT channel_id, conversation_id FROM activities WHERE visitor_id = $visitor";
            command.Parameters.AddWithValue("$visitor", visitorId);
            var result = new List<(string, string)>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                result.Add((reader.GetString(0), reader.GetString(1)));
            }
            return result;
        }, cancellationToken);

    private static List<string> Strings(SqliteCommand command)
    {
        var values = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    /// <summary>The index is the visitor_id column of the transcripts themselves: nothing else to remove.</summary>
    public Task<int> ForgetIndexAsync(string visitorId, CancellationToken cancellationToken = default) => Task.FromResult(0);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
