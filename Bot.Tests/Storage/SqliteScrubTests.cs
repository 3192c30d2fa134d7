using System.Text;
using ChatBot.Privacy;
using Microsoft.Data.Sqlite;

namespace ChatBot.Tests.Storage;

/// <summary>The rebuild after a privacy request: deleted text leaves the files, and a log another reader holds is reported, not claimed emptied.</summary>
public sealed class SqliteScrubTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scrub-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "state.db"), Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection WriteAndDeleteSecret()
    {
        var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL; CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('secret-visitor-words'); INSERT INTO t VALUES ('kept');");
        Execute(connection, "DELETE FROM t WHERE v = 'secret-visitor-words';");
        return connection;
    }

    private string FilesText() => string.Concat(Directory.GetFiles(_folder).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));

    [Fact]
    public void Deleted_text_is_gone_from_the_database_and_its_log_when_nobody_else_reads_it()
    {
        using (WriteAndDeleteSecret()) { }
        Assert.Contains("secret-visitor-words", FilesText());

        var result = Assert.Single(SqliteScrub.Run(_folder));

        Assert.Equal(new SqliteScrub.Result("state.db", LogEmptied: true), result);
        Assert.DoesNotContain("secret-visitor-words", FilesText());
        using var check = Open();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT v FROM t";
        Assert.Equal("kept", count.ExecuteScalar());
    }

    [Fact]
    public void A_log_held_open_by_a_reader_is_reported_as_not_emptied()
    {
        using var writer = WriteAndDeleteSecret();
        using var reader = Open();
        Execute(reader, "BEGIN; SELECT count(*) FROM t;"); // a running bot mid-read keeps the log from being truncated

        var result = Assert.Single(SqliteScrub.Run(_folder));

        Assert.False(result.LogEmptied);
        Execute(reader, "COMMIT;");
    }

    [Fact]
    public void A_missing_folder_rebuilds_nothing() => Assert.Empty(SqliteScrub.Run(Path.Combine(_folder, "none")));
}
