using Microsoft.Data.Sqlite;

namespace ChatBot.Privacy;

/// <summary>
/// SQLite keeps deleted rows' bytes in free pages and in the write-ahead log until they are reused: after a privacy
/// request the files are rebuilt (VACUUM) and the log emptied, so the visitor's words are not left on disk.
/// </summary>
public static class SqliteScrub
{
    /// <summary>Rebuilds each existing database file in <paramref name="folder"/>; returns the files rebuilt.</summary>
    public static IReadOnlyList<string> Run(string folder)
    {
        var done = new List<string>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.db") : [])
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = 30 }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
            done.Add(Path.GetFileName(file));
        }
        return done;
    }
}
