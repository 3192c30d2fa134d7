using Microsoft.Data.Sqlite;

namespace ChatBot.Privacy;

/// <summary>
/// SQLite keeps deleted rows' bytes in free pages and in the write-ahead log until they are reused: after a privacy
/// request the files are rebuilt (VACUUM) and the log emptied, so the visitor's words are not left on disk. Emptying
/// the log needs no other connection reading it, and SQLite reuses a log without emptying it: with the bot running
/// the log may keep the deleted text (reported; forget-visitor must then run again with the bot stopped).
/// </summary>
public static class SqliteScrub
{
    /// <summary>One database file: rebuilt, and whether its write-ahead log could be emptied.</summary>
    public sealed record Result(string File, bool LogEmptied);

    /// <summary>Rebuilds each existing database file in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<Result> Run(string folder)
    {
        var done = new List<Result>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.db") : [])
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
            Execute(connection, "VACUUM;");
            done.Add(new Result(Path.GetFileName(file), LogEmptied: CheckpointNotBusy(connection)));
        }
        return done;
    }

    static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // wal_checkpoint returns one row (busy, log pages, checkpointed pages); busy is 1 when another connection kept
    // the log from being emptied.
    static bool CheckpointNotBusy(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        using var reader = command.ExecuteReader();
        return !reader.Read() || reader.GetInt64(0) == 0;
    }
}
